namespace Loyalty.Core.Common;

/// <summary>
/// The errors one validation finds, each at the JSON path of its field. <see cref="At"/> hands a nested block to its own
/// validator with the path prefixed, so a validator names fields as its block's JSON does and the path stays right wherever
/// the block sits.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors;
    private readonly string _prefix;

    public FieldErrors()
        : this([], string.Empty)
    {
    }

    private FieldErrors(List<FieldError> errors, string prefix)
    {
        _errors = errors;
        _prefix = prefix;
    }

    public int Count => _errors.Count;

    /// <summary>The same list, for a nested block: <c>At("earning").At("ladder[0]")</c> reports <c>earning.ladder[0].points</c>.</summary>
    public FieldErrors At(string field) => new(_errors, PathOf(field));

    /// <summary>The full JSON path of a field of this block (<c>""</c> is the block itself).</summary>
    public string PathOf(string field) =>
        field.Length == 0 ? _prefix : _prefix.Length == 0 ? field : $"{_prefix}.{field}";

    public void Add(string field, string rule, string message) => _errors.Add(new FieldError(PathOf(field), rule, message));

    /// <summary>Errors some other validator reports with full paths already.</summary>
    public void AddRange(IEnumerable<FieldError> errors) => _errors.AddRange(errors);

    /// <param name="what">How the message names the value; the field's last segment when left out.</param>
    public void Range(string field, Bound bound, decimal value, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(bound);
        if (!bound.Contains(value))
        {
            _errors.Add(bound.Violation(PathOf(field), what));
        }
    }

    /// <summary>Reports <c>unique</c> when two items share a key.</summary>
    public void Unique<T, TKey>(string field, IReadOnlyCollection<T> items, Func<T, TKey> key, string message)
    {
        if (items.Select(key).Distinct().Count() != items.Count)
        {
            Add(field, "unique", message);
        }
    }

    public IReadOnlyList<FieldError> ToList() => [.. _errors];
}
