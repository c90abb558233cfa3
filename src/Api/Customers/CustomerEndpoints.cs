using Helpdesk.Api.Access;
using Helpdesk.Api.Common;
using Helpdesk.Grains.Access;
using Helpdesk.Grains.Broadcasts;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Customers;
using Helpdesk.Grains.Operators;
using Helpdesk.Grains.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Api.Customers;

/// <summary>Customers: karma, ratings, exclusions, and the entry decision for an IVR or a web form.</summary>
public static class CustomerEndpoints
{
    /// <summary>Maps the customer routes.</summary>
    public static IEndpointRouteBuilder MapCustomerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var customers = endpoints.MapGroup("/api/customers").WithTags("Customers");
        customers.MapGet("/{id}", GetAsync).Produces<CustomerSnapshot>().AllowedTo(Role.Supervisor).WithSummary("A customer's karma (literacy and temperament with confidence), last agent, open contacts, exclusions and ratings.");
        customers.MapPost("/{id}/ratings", RateAsync).Produces<CustomerSnapshot>().AllowedTo(Role.Operator).AddEndpointFilter(ActAsSelf.InBody).WithSummary("An operator who handled a contact rates its customer.");
        customers.MapGet("/{id}/entry", EntryAsync).Produces<EntryView>().AllowedTo(Role.Integration)
            .WithSummary("What an IVR or web form should offer: an operator right away, the department and line, and the active broadcasts to announce.");
        customers.MapPost("/{id}/exclusions", ExcludeAsync).Produces<CustomerSnapshot>().AllowedTo(Role.Supervisor).Audited().WithSummary("Never routes this customer to an operator.");
        customers.MapDelete("/{id}/exclusions/{operatorId}", IncludeAsync).Produces<CustomerSnapshot>().AllowedTo(Role.Supervisor).Audited().WithSummary("Lifts an exclusion.");
        return endpoints;
    }

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains) =>
        Problems.From(await grains.GetGrain<ICustomerGrain>(id).GetAsync());

    private static async Task<IResult> RateAsync(string id, RatingRequest request, IGrainFactory grains)
    {
        var check = new Validator();
        var operatorId = check.Id("operatorId", request.OperatorId);
        var contactId = check.Id("contactId", request.ContactId);
        var literacy = check.Range("literacy", request.Literacy, 1, 5);
        var temperament = check.Range("temperament", request.Temperament, 1, 5);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var contact = grains.GetGrain<IContactGrain>(contactId);
        if ((await contact.GetAsync()).Status != ReplyStatus.Ok)
        {
            return Problems.Refusal(Reply<CustomerSnapshot>.Invalid("contactId", $"No contact {contactId}."));
        }

        return Problems.From(await contact.RateCustomerAsync(id, operatorId, literacy, temperament));
    }

    private static async Task<IResult> EntryAsync(string id, string? channel, string? department, string? topic, IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time)
    {
        var check = new Validator();
        var on = check.Named<Channel>("channel", channel, required: true) ?? default;

        if (department is not null)
        {
            check.Id("department", department);
        }

        check.Text("topic", topic, 500);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        // The broadcasts are merged here rather than in the customer grain, which has no business with announcements.
        var decision = grains.GetGrain<ICustomerGrain>(id).EntryAsync(on, department);
        var broadcasts = grains.GetGrain<IBroadcastGrain>(IBroadcastGrain.Center).ActiveAsync(department, topic, time.GetUtcNow());
        return TypedResults.Ok(EntryView.From(await decision, await broadcasts));
    }

    private static async Task<IResult> ExcludeAsync(string id, ExclusionRequest request, IGrainFactory grains)
    {
        var check = new Validator();
        var operatorId = check.Id("operatorId", request.OperatorId);
        if (check.IsValid && (await grains.GetGrain<IOperatorGrain>(operatorId).GetAsync()).Status != ReplyStatus.Ok)
        {
            check.Add("operatorId", $"No operator {operatorId}.");
        }

        return check.IsValid ? TypedResults.Ok(await grains.GetGrain<ICustomerGrain>(id).SetExclusionAsync(operatorId, excluded: true)) : check.Problem();
    }

    private static async Task<IResult> IncludeAsync(string id, string operatorId, IGrainFactory grains)
    {
        var customer = grains.GetGrain<ICustomerGrain>(id);
        return (await customer.GetAsync()).Status == ReplyStatus.Ok
            ? TypedResults.Ok(await customer.SetExclusionAsync(operatorId, excluded: false))
            : Problems.NotFound($"No customer {id}.");
    }
}
