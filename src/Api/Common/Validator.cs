using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Api.Common;

/// <summary>Collects field-by-field errors of a request; empty means valid.</summary>
internal sealed partial class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    /// <summary>A required id: letters, digits and <c>._:@+-</c>, at most 100 characters.</summary>
    public string Id(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
        }
        else if (!IdPattern().IsMatch(value))
        {
            Add(field, "Use 1–100 letters, digits or . _ : @ + - (no spaces).");
        }

        return value ?? "";
    }

    /// <summary>Optional text, at most <paramref name="maxLength"/> characters.</summary>
    public string? Text(string field, string? value, int maxLength, bool required = false)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
        }
        else if (value is not null && value.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }
        else if (value is not null && value.Any(char.IsControl))
        {
            Add(field, "No control characters.");
        }

        return value;
    }

    /// <summary>A required value.</summary>
    public T Required<T>(string field, T? value) where T : struct
    {
        if (value is null)
        {
            Add(field, "Required.");
        }

        return value.GetValueOrDefault();
    }

    /// <summary>An optional integer within bounds, or <paramref name="fallback"/>.</summary>
    public int Range(string field, int? value, int min, int max, int? fallback = null)
    {
        if (value is null && fallback is null)
        {
            Add(field, "Required.");
            return min;
        }

        var actual = value ?? fallback!.Value;
        if (actual < min || actual > max)
        {
            Add(field, $"Must be from {min} to {max}.");
        }

        return actual;
    }

    /// <summary>An optional number of seconds within bounds, or <paramref name="fallback"/>.</summary>
    public TimeSpan Seconds(string field, double? value, double min, double max, TimeSpan fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        if (double.IsNaN(value.Value) || value < min || value > max)
        {
            Add(field, $"Must be from {min} to {max} seconds.");
            return fallback;
        }

        return TimeSpan.FromSeconds(value.Value);
    }

    public void Add(string field, string error)
    {
        if (!_errors.TryGetValue(field, out var errors))
        {
            _errors[field] = errors = [];
        }

        errors.Add(error);
    }

    /// <summary>400 with every error by field.</summary>
    public IResult Problem() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "The request has invalid fields");

    [GeneratedRegex("^[A-Za-z0-9._:@+-]{1,100}$")]
    private static partial Regex IdPattern();
}
