using Microsoft.AspNetCore.Http;

namespace Loyalty.Functions.MerchantConsole;

/// <summary>The security headers of every console answer, its 404s and redirects included.</summary>
public static class ConsoleHeaders
{
    /// <summary>
    /// Only the console's own files run or style the page: no inline script or style, no eval, no framing; the API is
    /// called on the same origin. Charts draw on canvas, so no style attribute is needed either.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
