using System.Globalization;
using System.Text.Json;

namespace Helpdesk.Api.Tests.Operators;

/// <summary>One event read off a <c>text/event-stream</c>.</summary>
/// <param name="Id">Its <c>id:</c> field.</param>
/// <param name="Type">Its <c>event:</c> field.</param>
/// <param name="Data">Its <c>data:</c> lines, joined.</param>
internal sealed record ServerSentEvent(string? Id, string Type, string Data)
{
    /// <summary>The id as the number the operator grain counts with.</summary>
    public long Number => long.Parse(Id ?? throw new InvalidOperationException($"The {Type} event has no id."), CultureInfo.InvariantCulture);

    /// <summary>The offered contact's id, for <c>offer</c> and <c>offer-withdrawn</c> events.</summary>
    public string? ContactId
    {
        get
        {
            using var data = JsonDocument.Parse(Data);
            return data.RootElement.TryGetProperty("offer", out var offer) && offer.ValueKind == JsonValueKind.Object
                ? offer.GetProperty("contactId").GetString()
                : null;
        }
    }

    public override string ToString() => $"[{Id}] {Type} {Data}";
}
