using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Routing;

namespace Helpdesk.Grains.Tests.Scenarios;

public sealed class LiterateCustomerScenarios
{
    [Fact]
    public async Task LiterateCustomerSkipsTheFirstLineToASecondLineOperator()
    {
        await using var center = await ContactCenter.StartAsync();
        await StaffAsync(center);

        var receipt = await center.CreateContactAsync("c1", "support", customer: "lit");

        Assert.Equal(ContactStatus.Offered, receipt.Status);
        Assert.Equal(Line.L2, receipt.Line);
        Assert.Equal("lena", receipt.OperatorId);
        Assert.Contains("skips the first line", receipt.EntryRule, StringComparison.Ordinal);
        Assert.Null(receipt.Note);
    }

    [Fact]
    public async Task LiterateCustomerFallsBackToTheFirstLineWhenEverySpecialistIsBusyAndTheirQueueIsAsLongAsTheirStaff()
    {
        await using var center = await ContactCenter.StartAsync();
        await StaffAsync(center);
        Assert.Equal("lena", (await center.CreateContactAsync("c1", "support", customer: "lit")).OperatorId);
        var second = await center.CreateContactAsync("c2", "support", customer: "lit");
        Assert.Equal((ContactStatus.Queued, Line.L2), (second.Status, second.Line));

        var third = await center.CreateContactAsync("c3", "support", customer: "lit");

        Assert.Equal(ContactStatus.Offered, third.Status);
        Assert.Equal(Line.L1, third.Line);
        Assert.Equal("ann", third.OperatorId);
        Assert.Equal("specialists of support are saturated: fell back to L1", third.Note);
        Assert.Equal(Line.L1, (await center.GetContactAsync("c3")).Line);
    }

    /// <summary>Ann on the first line, Lena a specialist; senior specialists have rated lit highly literate.</summary>
    private static async Task StaffAsync(ContactCenter center)
    {
        await center.AddDepartmentAsync("support");
        await center.AddOperatorAsync("ann", "support");
        await center.AddOperatorAsync("lena", "support", line: Line.L2);
        await center.RateCustomerAsync("lit", Line.L3, literacy: 5, temperament: 3, times: 3);
    }
}
