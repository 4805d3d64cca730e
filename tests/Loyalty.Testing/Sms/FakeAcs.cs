using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Loyalty.Testing.Sms;

/// <summary>
/// Communication Services' SMS endpoint for tests (WireMock.Net). It checks every request as the service would, with
/// this file's own hashing and HMAC rather than the product's: the content hash, the signature (or the bearer token),
/// the api-version and the body's shape, answering 401/400 when one is wrong. Answers can be scripted per call (429,
/// 503, a recipient failure inside a 202, a reply too slow); unscripted calls are accepted. A repeated repeatability id
/// is answered as the service does, without sending again.
/// </summary>
public sealed class FakeAcs : IDisposable
{
    public const string Token = "fake-entra-token";

    private readonly ConcurrentQueue<Answer> _script = new();
    private readonly ConcurrentBag<string> _accepted = [];
    private readonly List<AcsCall> _calls = [];
    private readonly WireMockServer _server;

    private FakeAcs(byte[] key)
    {
        Key = key;
        _server = WireMockServer.Start();
        _server.Given(Request.Create().WithPath("/sms").UsingPost()).RespondWith(Response.Create().WithCallback(Handle));
    }

    public byte[] Key { get; }

    public Uri Endpoint => new(_server.Url! + "/");

    public string ConnectionString => $"endpoint={Endpoint};accesskey={Convert.ToBase64String(Key)}";

    public IReadOnlyList<AcsCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Messages the fake would have delivered (one per repeatability id).</summary>
    public IReadOnlyList<AcsCall> Delivered => [.. Calls.Where(c => c.Delivered)];

    public static FakeAcs Start() => new(RandomNumberGenerator.GetBytes(32));

    public FakeAcs Then(Answer answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public void Dispose() => _server.Dispose();

    private ResponseMessage Handle(IRequestMessage request)
    {
        var body = request.BodyAsBytes ?? [];
        var json = body.Length > 0 ? JsonNode.Parse(body) : null;
        var problem = Authenticate(request, body) ?? Shape(request, json);
        var recipient = json?["smsRecipients"]?[0];
        var call = new AcsCall(
            DateTimeOffset.UtcNow,
            problem,
            json?["from"]?.GetValue<string>(),
            recipient?["to"]?.GetValue<string>(),
            json?["message"]?.GetValue<string>(),
            recipient?["repeatabilityRequestId"]?.GetValue<string>(),
            recipient?["repeatabilityFirstSent"]?.GetValue<string>(),
            json?["smsSendOptions"]?["tag"]?.GetValue<string>());
        if (problem is not null)
        {
            Record(call);
            return Reply(problem.StartsWith("401", StringComparison.Ordinal) ? 401 : 400, new JsonObject { ["error"] = new JsonObject { ["code"] = "Invalid", ["message"] = problem } }.ToJsonString());
        }

        var answer = _script.TryDequeue(out var next) ? next : Answer.Accept;
        if (answer.Delay > TimeSpan.Zero)
        {
            Thread.Sleep(answer.Delay);
        }

        var repeat = !_accepted.IsEmpty && _accepted.Contains(call.RepeatabilityRequestId!);
        var delivered = answer.Status == 202 && answer.RecipientError is null && !repeat;
        if (delivered)
        {
            _accepted.Add(call.RepeatabilityRequestId!);
        }

        Record(call with { Delivered = delivered, Answered = answer.Status });
        if (answer.Status != 202)
        {
            var reply = Reply(answer.Status, """{"error":{"code":"Busy","message":"try again"}}""");
            if (answer.RetryAfter is { } seconds)
            {
                reply.AddHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
            }

            return reply;
        }

        var result = new JsonObject
        {
            ["to"] = call.To,
            ["messageId"] = answer.RecipientError is null ? $"msg-{call.RepeatabilityRequestId}" : null,
            ["httpStatusCode"] = answer.RecipientError is null ? 202 : 400,
            ["repeatabilityResult"] = repeat ? "rejected" : "accepted",
            ["successful"] = answer.RecipientError is null,
            ["errorMessage"] = answer.RecipientError,
        };
        return Reply(202, new JsonObject { ["value"] = new JsonArray(result) }.ToJsonString());
    }

    private void Record(AcsCall call)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }
    }

    private string? Authenticate(IRequestMessage request, byte[] body)
    {
        var authorization = Header(request, "Authorization");
        if (authorization == $"Bearer {Token}")
        {
            return null;
        }

        var hash = Convert.ToBase64String(SHA256.HashData(body));
        if (Header(request, "x-ms-content-sha256") != hash)
        {
            return "401 content hash does not match the body";
        }

        var date = Header(request, "x-ms-date");
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _))
        {
            return "401 x-ms-date is not RFC 1123";
        }

        var pathAndQuery = request.AbsolutePath + (string.IsNullOrEmpty(request.RawQuery) ? string.Empty : "?" + request.RawQuery.TrimStart('?'));
        var signed = $"POST\n{pathAndQuery}\n{date};{Header(request, "Host")};{hash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(signed)));
        return authorization == $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}"
            ? null
            : "401 signature does not match";
    }

    private static string? Shape(IRequestMessage request, JsonNode? json)
    {
        if (request.Query?.TryGetValue("api-version", out var version) != true || version?.FirstOrDefault() != "2021-03-07")
        {
            return "api-version must be 2021-03-07";
        }

        var recipients = json?["smsRecipients"]?.AsArray();
        if (json?["from"] is null || json["message"] is null || recipients is not [{ } recipient])
        {
            return "from, message and one smsRecipients entry are required";
        }

        return Guid.TryParse(recipient["repeatabilityRequestId"]?.GetValue<string>(), out _)
            && DateTimeOffset.TryParseExact(recipient["repeatabilityFirstSent"]?.GetValue<string>(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _)
            && recipient["to"]?.GetValue<string>() is { Length: > 0 }
                ? null
                : "each recipient needs to, a GUID repeatabilityRequestId and an RFC 1123 repeatabilityFirstSent";
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static ResponseMessage Reply(int status, string json) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = json, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
    };
}

/// <summary>What the fake answers one call with.</summary>
public sealed record Answer(int Status, int? RetryAfter = null, string? RecipientError = null, TimeSpan Delay = default)
{
    public static Answer Accept { get; } = new(202);

    public static Answer Throttled(int retryAfterSeconds) => new(429, retryAfterSeconds);

    public static Answer Unavailable { get; } = new(503);

    public static Answer RecipientFails(string error) => new(202, RecipientError: error);

    public static Answer Slow(TimeSpan delay) => new(202, Delay: delay);
}

/// <param name="Problem">Why the fake refused the request (signature, body), or null.</param>
public sealed record AcsCall(DateTimeOffset At, string? Problem, string? From, string? To, string? Message, string? RepeatabilityRequestId, string? RepeatabilityFirstSent, string? Tag)
{
    public bool Delivered { get; init; }

    public int Answered { get; init; }
}
