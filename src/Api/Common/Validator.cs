using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Helpdesk.Api.Common;

/// <summary>Collects field-by-field errors of a request; empty means valid.</summary>
internal sealed partial class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    /// <summary>A required id, in a body or a path alike: letters, digits and <c>._:@+-</c>, at most 100 characters, at least one a letter or digit.</summary>
    /// <remarks>So no <c>.</c> or <c>..</c>, which a URL resolves away: an id that no path can name again.</remarks>
    public string Id(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
        }
        else if (!IdPattern().IsMatch(value))
        {
            Add(field, "Use 1–100 letters, digits or . _ : @ + - (no spaces), at least one a letter or digit.");
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

    /// <summary>An enum in a query, by its exact wire name (<see cref="EnumNames"/>); absent is <see langword="null"/> unless <paramref name="required"/>.</summary>
    public T? Named<T>(string field, string? value, bool required = false) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value) && !required)
        {
            return null;
        }

        if (EnumNames.TryParse<T>(value, out var named))
        {
            return named;
        }

        Add(field, $"Use one of: {string.Join(", ", EnumNames.All(typeof(T)))}.");
        return null;
    }

    /// <summary>The items of an optional list, each with its field (<c>field[i]</c>); a <c>null</c> item is an error of its own.</summary>
    public IEnumerable<(T Item, string Field)> Items<T>(string field, IReadOnlyList<T>? items) where T : class
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (items![i] is { } item)
            {
                yield return (item, $"{field}[{i}]");
            }
            else
            {
                Add($"{field}[{i}]", "Required: null is not an item.");
            }
        }
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
    public IResult Problem() => ValidationProblem();

    /// <summary>400 with every error by field, typed for an endpoint's declared results.</summary>
    public ValidationProblem ValidationProblem() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "The request has invalid fields");

    [GeneratedRegex("^(?=[._:@+-]*[A-Za-z0-9])[A-Za-z0-9._:@+-]{1,100}$")]
    private static partial Regex IdPattern();
}
