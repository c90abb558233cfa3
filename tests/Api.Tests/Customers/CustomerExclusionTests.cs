using Helpdesk.Api.Tests.Contacts;
using Helpdesk.Api.Tests.Departments;
using Helpdesk.Api.Tests.Operators;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Customers;

namespace Helpdesk.Api.Tests.Customers;

/// <summary>A customer's exclusions keep an operator away from their contacts, over real HTTP.</summary>
public sealed class CustomerExclusionTests
{
    [Fact]
    public async Task AnExcludedOperatorNeverGetsThatCustomersContact()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        await server.StartShiftAsync("bo", "l1", "support");
        var excluded = await server.PostOkAsync<CustomerSnapshot>("/api/customers/cust-1/exclusions", new { operatorId = "ana" });

        var receipt = await server.CreateContactAsync("cust-1", "support");
        var rejected = await server.ActOkAsync(receipt.Id, "reject", "bo");

        Assert.Equal(["ana"], excluded.Exclusions);
        Assert.Equal("bo", receipt.OperatorId);
        Assert.Equal(ContactStatus.Queued, rejected.Status);
        Assert.All(rejected.Route, step => Assert.DoesNotContain("ana", step.Candidates.Select(candidate => candidate.OperatorId)));
        Assert.Empty((await server.GetOperatorAsync("ana")).Contacts);
        Assert.Equal(0, (await server.GetOperatorAsync("ana")).Kpi.Offered);
    }

    [Fact]
    public async Task AContactWaitsRatherThanGoToTheOnlyOperatorTheCustomerExcluded()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        await server.PostOkAsync<CustomerSnapshot>("/api/customers/cust-1/exclusions", new { operatorId = "ana" });

        var receipt = await server.CreateContactAsync("cust-1", "support");
        await server.StartShiftAsync("bo", "l1", "support");
        var offered = await server.WaitForContactAsync(receipt.Id, contact => contact.Status == ContactStatus.Offered, "offered to bo once bo is at work");

        Assert.Equal(ContactStatus.Queued, receipt.Status);
        Assert.Equal("bo", offered.OperatorId);
        Assert.Empty((await server.GetOperatorAsync("ana")).Contacts);
    }

    [Fact]
    public async Task ALiftedExclusionLetsTheOperatorTakeTheCustomersNextContact()
    {
        await using var server = await HelpdeskServer.StartAsync();
        await server.CreateDepartmentAsync("support");
        await server.StartShiftAsync("ana", "l1", "support");
        await server.PostOkAsync<CustomerSnapshot>("/api/customers/cust-1/exclusions", new { operatorId = "ana" });

        using var lifted = await server.Client.DeleteAsync(new Uri("/api/customers/cust-1/exclusions/ana", UriKind.Relative));
        var receipt = await server.CreateContactAsync("cust-1", "support");

        Assert.Empty((await HelpdeskServer.ReadOkAsync<CustomerSnapshot>(lifted)).Exclusions);
        Assert.Equal("ana", receipt.OperatorId);
    }
}
