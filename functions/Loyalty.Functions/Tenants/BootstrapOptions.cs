namespace Loyalty.Functions.Tenants;

/// <summary>Section <c>Bootstrap</c>.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public const int MinSecretLength = 16;

    /// <summary>The secret <c>POST /api/v1/admin/tenants</c> asks for; unset turns the endpoint off.</summary>
    public string? Secret { get; set; }

    public bool IsEnabled => !string.IsNullOrEmpty(Secret);
}
