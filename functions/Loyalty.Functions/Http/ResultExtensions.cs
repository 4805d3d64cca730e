using Loyalty.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Functions.Http;

public static class ResultExtensions
{
    /// <summary>Maps a result to HTTP: the value through <paramref name="onSuccess"/>, an error to its problem document.</summary>
    public static IActionResult ToHttp<T>(this Result<T> result, HttpRequest request, Func<T, IActionResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.IsSuccess ? onSuccess(result.Value) : Problem.Result(result.Error, request);
    }

    /// <summary><see cref="ToHttp{T}(Result{T}, HttpRequest, Func{T, IActionResult})"/> once the use case has answered.</summary>
    public static async Task<IActionResult> ToHttpAsync<T>(this Task<Result<T>> result, HttpRequest request, Func<T, IActionResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(result);
        return (await result).ToHttp(request, onSuccess);
    }
}
