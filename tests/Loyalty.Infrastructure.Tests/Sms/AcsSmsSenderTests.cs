using Azure.Core;
using Loyalty.Core.Reminders;
using Loyalty.Infrastructure.Sms;
using Loyalty.Testing.Sms;
using Microsoft.Extensions.Logging.Abstractions;

namespace Loyalty.Infrastructure.Tests.Sms;

/// <summary>The sender against a fake Communication Services endpoint that checks the signature and body as the service does.</summary>
public sealed class AcsSmsSenderTests : IDisposable
{
    private readonly FakeAcs _acs = FakeAcs.Start();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public void Dispose()
    {
        _acs.Dispose();
        _http.Dispose();
    }

    private static SmsOptions Options(TimeSpan? attemptTimeout = null, int attempts = 4) => new()
    {
        From = "+18005550100",
        MaxAttempts = attempts,
        AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
        RetryDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryDelay = TimeSpan.FromSeconds(5),
    };

    private AcsSmsSender Sender(SmsOptions? options = null, IAcsAuthorizer? authorizer = null) =>
        new(_http, _acs.Endpoint, authorizer ?? new AcsKeyAuthorizer(_acs.Key, TimeProvider.System), options ?? Options(), TimeProvider.System, NullLogger<AcsSmsSender>.Instance);

    private static SmsMessage Message(string text = "您有100积分将于2026年12月31日到期") =>
        new("t1", null, "+8613812345678", text, new SmsRepeatability(Guid.NewGuid(), new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero)), "reminder:2026-12-31:30:m1");

    [Fact]
    public async Task A_signed_request_is_accepted_and_carries_the_message_and_its_repeatability()
    {
        var message = Message();

        var result = await Sender().SendAsync(message, CancellationToken.None);

        Assert.Equal(SmsOutcome.Sent, result.Outcome);
        Assert.Equal($"msg-{message.Repeatability.RequestId}", result.MessageId);
        var call = Assert.Single(_acs.Calls);
        Assert.Null(call.Problem);
        Assert.Equal(("+18005550100", "+8613812345678", message.Text, message.Tag), (call.From, call.To, call.Message, call.Tag));
        Assert.Equal((message.Repeatability.RequestId.ToString(), "Thu, 03 Dec 2026 02:00:00 GMT"), (call.RepeatabilityRequestId, call.RepeatabilityFirstSent));
    }

    [Fact]
    public async Task A_wrong_key_is_refused_by_the_service_and_left_for_later_without_retrying()
    {
        var result = await Sender(authorizer: new AcsKeyAuthorizer([1, 2, 3], TimeProvider.System)).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SmsOutcome.Unavailable, result.Outcome);
        Assert.Contains("401", result.Error, StringComparison.Ordinal);
        Assert.Equal("401 signature does not match", Assert.Single(_acs.Calls).Problem);
    }

    [Fact]
    public async Task Throttling_is_retried_after_the_wait_the_service_asks_for_with_the_same_repeatability()
    {
        _acs.Then(Answer.Throttled(retryAfterSeconds: 1));

        var result = await Sender().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SmsOutcome.Sent, result.Outcome);
        var calls = _acs.Calls;
        Assert.Equal([429, 202], calls.Select(c => c.Answered));
        Assert.Single(calls.Select(c => (c.RepeatabilityRequestId, c.RepeatabilityFirstSent)).Distinct());
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(0.95), $"retried after {calls[1].At - calls[0].At}, before the 1 s Retry-After");
    }

    [Fact]
    public async Task A_service_fault_is_retried_and_one_message_is_delivered()
    {
        _acs.Then(Answer.Unavailable).Then(Answer.Unavailable);

        var result = await Sender().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SmsOutcome.Sent, result.Outcome);
        Assert.Equal([503, 503, 202], _acs.Calls.Select(c => c.Answered));
        Assert.Single(_acs.Delivered);
    }

    [Fact]
    public async Task A_recipient_that_failed_inside_the_202_is_a_failure_and_is_not_retried()
    {
        _acs.Then(Answer.RecipientFails("Invalid destination number"));

        var result = await Sender().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SmsOutcome.Failed, result.Outcome);
        Assert.Contains("Invalid destination number", result.Error, StringComparison.Ordinal);
        Assert.Single(_acs.Calls);
        Assert.Empty(_acs.Delivered);
    }

    [Fact]
    public async Task A_reply_that_does_not_come_in_time_is_retried_with_the_same_repeatability_and_delivered_once()
    {
        _acs.Then(Answer.Slow(TimeSpan.FromSeconds(3)));

        var result = await Sender(Options(attemptTimeout: TimeSpan.FromMilliseconds(500))).SendAsync(Message(), CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(SmsOutcome.Sent, result.Outcome);
        var calls = _acs.Calls;
        Assert.Equal(2, calls.Count);
        Assert.Single(calls.Select(c => (c.RepeatabilityRequestId, c.RepeatabilityFirstSent)).Distinct());
        Assert.Single(_acs.Delivered);
    }

    [Fact]
    public async Task A_service_that_stays_down_is_given_up_after_the_attempts_and_left_for_later()
    {
        _acs.Then(Answer.Unavailable).Then(Answer.Unavailable).Then(Answer.Unavailable);

        var result = await Sender(Options(attempts: 3)).SendAsync(Message(), CancellationToken.None);

        Assert.Equal((SmsOutcome.Unavailable, 3), (result.Outcome, _acs.Calls.Count));
        Assert.Contains("503", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_sender_waits_leaves_the_message_for_a_later_run()
    {
        _acs.Then(Answer.Throttled(retryAfterSeconds: 60));

        var result = await Sender().SendAsync(Message(), CancellationToken.None);

        Assert.Equal((SmsOutcome.Unavailable, 1), (result.Outcome, _acs.Calls.Count));
    }

    [Fact]
    public async Task With_a_managed_identity_the_request_carries_a_token_for_the_communication_services_scope()
    {
        var credential = new RecordingCredential();

        var result = await Sender(authorizer: new AcsTokenAuthorizer(credential)).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SmsOutcome.Sent, result.Outcome);
        Assert.Equal(["https://communication.azure.com//.default"], credential.Scopes);
    }

    [Fact]
    public async Task A_sender_that_names_no_sender_id_fails_without_calling_the_service()
    {
        var result = await Sender().SendAsync(Message() with { From = null }, CancellationToken.None);
        var none = await Sender(new SmsOptions { MaxAttempts = 1 }).SendAsync(Message() with { From = null }, CancellationToken.None);

        Assert.Equal(SmsOutcome.Sent, result.Outcome);
        Assert.Equal(SmsOutcome.Failed, none.Outcome);
        Assert.Single(_acs.Calls);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken(FakeAcs.Token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
