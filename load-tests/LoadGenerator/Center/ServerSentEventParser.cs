using System.Text;

namespace Helpdesk.LoadGenerator.Center;

/// <summary>Reads a <c>text/event-stream</c> line by line: <c>id:</c>, <c>event:</c> and <c>data:</c> fields, an event at each blank line, comments skipped.</summary>
internal sealed class ServerSentEventParser
{
    private readonly StringBuilder _data = new();
    private string? _id;
    private string? _type;
    private bool _hasData;

    /// <summary>Takes one line, without its line break; returns the event a blank line completes.</summary>
    public ServerSentEvent? Feed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length == 0)
        {
            if (!_hasData)
            {
                _type = null;
                return null;
            }

            var completed = new ServerSentEvent(_id, _type ?? "message", _data.ToString());
            _data.Clear();
            _type = null;
            _hasData = false;
            return completed;
        }

        if (line[0] == ':')
        {
            return null;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var field = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? "" : line[(colon + 1)..];
        if (value.StartsWith(' '))
        {
            value = value[1..];
        }

        switch (field)
        {
            case "id":
                _id = value;
                break;
            case "event":
                _type = value;
                break;
            case "data":
                if (_hasData)
                {
                    _data.Append('\n');
                }

                _data.Append(value);
                _hasData = true;
                break;
        }

        return null;
    }
}
