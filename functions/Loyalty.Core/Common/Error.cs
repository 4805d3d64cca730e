namespace Loyalty.Core.Common;

/// <summary>A business or validation outcome that is not a bug: it carries a stable code and, where it applies, the field at fault.</summary>
public sealed record Error(ErrorKind Kind, string Code, string Message, IReadOnlyList<FieldError>? Fields = null)
{
    /// <summary>When the same request may succeed again (a daily limit resets at the tenant's midnight).</summary>
    public DateTimeOffset? RetryAt { get; init; }

    public static Error Validation(IReadOnlyList<FieldError> fields) =>
        new(ErrorKind.Validation, "validation-failed", "One or more fields are invalid.", fields);

    public static Error Validation(string field, string rule, string message) =>
        Validation([new FieldError(field, rule, message)]);

    public static Error NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);

    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    /// <summary>The request's precondition (If-Match) does not hold: a 412.</summary>
    public static Error PreconditionFailed(string code, string message) => new(ErrorKind.PreconditionFailed, code, message);

    /// <summary>A lost-update-protected resource was written without a precondition (If-Match): a 428.</summary>
    public static Error PreconditionRequired(string code, string message, string field) =>
        new(ErrorKind.PreconditionRequired, code, message, [new FieldError(field, code, message)]);

    /// <summary>The request itself is malformed (unreadable JSON, wrong type, bad header): a 400.</summary>
    public static Error BadRequest(string code, string message, string? field = null) =>
        new(ErrorKind.BadRequest, code, message, field is null ? null : [new FieldError(field, code, message)]);

    public static Error Rule(string code, string message) => new(ErrorKind.BusinessRule, code, message);
}

public sealed record FieldError(string Field, string Rule, string Message);

public enum ErrorKind
{
    BadRequest,
    Validation,
    BusinessRule,
    NotFound,
    Conflict,
    Forbidden,
    Unauthorized,
    TooManyRequests,
    PreconditionFailed,
    PreconditionRequired,
}
