using Helpdesk.LoadTests.Shared;

namespace Helpdesk.LoadGenerator.Tests.Reporting;

public sealed class TextTableTests
{
    [Fact]
    public void NumbersAlignRightInTextAndInMarkdown()
    {
        var table = new TextTable(["endpoint", "requests"], [false, true]);
        table.Add("POST /api/contacts", "1,200");
        table.Add("GET /a|b", "7");

        Assert.Equal(
            """
              endpoint             requests
            ─────────────────────────────────
              POST /api/contacts      1,200
              GET /a|b                    7

            """.ReplaceLineEndings(),
            table.ToText());
        Assert.Equal(
            """
            | endpoint | requests |
            | --- | ---: |
            | POST /api/contacts | 1,200 |
            | GET /a\|b | 7 |

            """.ReplaceLineEndings(),
            table.ToMarkdown());
    }
}
