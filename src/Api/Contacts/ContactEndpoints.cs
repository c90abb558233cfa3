using System.Text.Json;
using Helpdesk.Api.Access;
using Helpdesk.Api.Common;
using Helpdesk.Grains.Access;
using Helpdesk.Grains.Common;
using Helpdesk.Grains.Contacts;
using Helpdesk.Grains.Departments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Helpdesk.Api.Contacts;

/// <summary>Contacts (tickets): creation with the routing outcome, the route explanation, offers, transfers, statuses and feedback.</summary>
public static class ContactEndpoints
{
    private const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Maps the contact routes.</summary>
    public static IEndpointRouteBuilder MapContactEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var contacts = endpoints.MapGroup("/api/contacts").WithTags("Contacts");
        contacts.MapPost("", CreateAsync).Produces<ContactReceipt>(StatusCodes.Status201Created).AllowedTo(Role.Integration)
            .WithSummary("Creates a contact and routes it at once: offered to whom, or queued where and why. Send an Idempotency-Key to retry safely.");
        contacts.MapGet("/{id}", GetAsync).Produces<ContactSnapshot>().AllowedTo(Role.Integration, Role.Operator, Role.Supervisor).WithSummary("A contact with its status history and route explanation.");
        contacts.MapPost("/{id}/accept", AcceptAsync).Produces<ContactSnapshot>().AllowedTo(Role.Operator).AddEndpointFilter(ActAsSelf.InBody).WithSummary("The operator it was offered to takes it.");
        contacts.MapPost("/{id}/reject", RejectAsync).Produces<ContactSnapshot>().AllowedTo(Role.Operator).AddEndpointFilter(ActAsSelf.InBody).WithSummary("The operator it was offered to declines it; it goes to someone else.");
        contacts.MapPost("/{id}/transfer", TransferAsync).Produces<ContactSnapshot>().AllowedTo(Role.Operator).AddEndpointFilter(ActAsSelf.InBody).WithSummary("Passes it to a colleague, a department or a line; transfers are counted and limited.");
        contacts.MapPost("/{id}/status", ChangeStatusAsync).Produces<ContactSnapshot>().AllowedTo(Role.Operator, Role.Integration).AddEndpointFilter(ActAsSelf.InBody)
            .WithSummary("Moves the ticket on: the operator to waiting for customer, postponed, in development, solution proposed, escalated or back to the queue; the customer to confirmed, rejected or back to the queue. A forbidden move answers 409 with the allowed ones.");
        contacts.MapPost("/{id}/assign", AssignAsync).Produces<ContactSnapshot>().AllowedTo(Role.Supervisor).Audited()
            .WithSummary("A department head assigns a waiting or postponed ticket (a callback, say) to one operator at work.");
        contacts.MapPost("/{id}/feedback", RateAsync).Produces<ContactSnapshot>().AllowedTo(Role.Integration).WithSummary("The customer rates the closed ticket: 1–5, like or dislike, a comment.");
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(
        CreateContactRequest request,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        IGrainFactory grains,
        IdempotencyGate gate,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        HttpContext context)
    {
        var check = new Validator();
        var customerId = check.Id("customerId", request.CustomerId);
        var channel = check.Required("channel", request.Channel);
        var topic = check.Text("topic", request.Topic, 500, required: true) ?? "";
        var department = check.Id("department", request.Department);
        var priority = check.Range("priority", request.Priority, 1, 5, fallback: 3);
        var skill = request.Skill is null ? null : check.Id("skill", request.Skill);
        var minProficiency = check.Range("minProficiency", request.MinProficiency, 1, 5, fallback: 1);
        var category = check.Text("category", request.Category, 100);
        if (idempotencyKey is not null)
        {
            check.Text(IdempotencyHeader, idempotencyKey, 255, required: true);
        }

        if (check.IsValid && !await grains.GetGrain<IDepartmentGrain>(department).ExistsAsync())
        {
            check.Add("department", $"No department {department}.");
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        var contact = new NewContact(customerId, channel, topic, department, priority, skill, minProficiency, category);
        var id = IdempotencyGate.ContactIdFor(idempotencyKey, context);
        if (idempotencyKey is not null && !gate.TryEnter(idempotencyKey))
        {
            return TypedResults.Problem(
                "A request with this Idempotency-Key is still being handled; retry after it has finished to get its answer.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Request in flight");
        }

        try
        {
            var fingerprint = IdempotencyGate.Fingerprint(JsonSerializer.SerializeToUtf8Bytes(contact, json.Value.SerializerOptions));
            var created = await grains.GetGrain<IContactGrain>(id).CreateAsync(contact, fingerprint);
            return created.Status == ReplyStatus.Ok
                ? TypedResults.Created($"/api/contacts/{id}", created.Value)
                : Problems.Refusal(created);
        }
        finally
        {
            if (idempotencyKey is not null)
            {
                gate.Exit(idempotencyKey);
            }
        }
    }

    /// <remarks>An operator reads the contacts they hold, own or acted on, not the rest of the center's.</remarks>
    private static async Task<IResult> GetAsync(string id, IGrainFactory grains, HttpContext http)
    {
        var contact = await grains.GetGrain<IContactGrain>(id).GetAsync();
        return Caller.IdentityOf(http.User) is { Role: Role.Operator, OperatorId: { } self } && contact.Value is { } found
            && found.OperatorId != self && found.Owner != self && !found.History.Any(change => change.By == self)
            ? Problems.Forbidden($"You read the contacts you hold or handled; {id} is not one of them.")
            : Problems.From(contact);
    }

    private static Task<IResult> AcceptAsync(string id, OperatorActionRequest request, IGrainFactory grains) =>
        ActAsync(request, operatorId => grains.GetGrain<IContactGrain>(id).AcceptAsync(operatorId));

    private static Task<IResult> RejectAsync(string id, OperatorActionRequest request, IGrainFactory grains) =>
        ActAsync(request, operatorId => grains.GetGrain<IContactGrain>(id).RejectAsync(operatorId));

    private static async Task<IResult> ChangeStatusAsync(string id, StatusChangeRequest request, IGrainFactory grains)
    {
        var check = new Validator();
        var to = check.Required("status", request.Status);
        if ((request.OperatorId is null) == (request.CustomerId is null))
        {
            check.Add("operatorId", "Name exactly one of operatorId (the operator responsible) or customerId (the customer).");
        }

        var by = request.OperatorId is null ? TicketActor.Customer : TicketActor.Operator;
        var actor = request.OperatorId is { } operatorId ? check.Id("operatorId", operatorId)
            : request.CustomerId is { } customerId ? check.Id("customerId", customerId)
            : "";
        var note = check.Text("note", request.Note, 2000);
        var taskKey = request.TaskKey is null ? null : check.Id("taskKey", request.TaskKey);
        return check.IsValid
            ? Problems.From(await grains.GetGrain<IContactGrain>(id).ChangeStatusAsync(new StatusRequest(to, by, actor, note, request.Until, taskKey)))
            : check.Problem();
    }

    private static async Task<IResult> AssignAsync(string id, AssignRequest request, IGrainFactory grains, HttpContext http)
    {
        var check = new Validator();
        var operatorId = check.Id("operatorId", request.OperatorId);
        return check.IsValid ? Problems.From(await grains.GetGrain<IContactGrain>(id).AssignAsync(operatorId, Caller.NameOf(http.User))) : check.Problem();
    }

    private static async Task<IResult> RateAsync(string id, FeedbackRequest request, IGrainFactory grains)
    {
        var check = new Validator();
        var customerId = check.Id("customerId", request.CustomerId);
        var score = check.Range("score", request.Score, 1, 5);
        var comment = check.Text("comment", request.Comment, 2000);
        return check.IsValid
            ? Problems.From(await grains.GetGrain<IContactGrain>(id).RateTicketAsync(customerId, score, request.Like, comment))
            : check.Problem();
    }

    private static async Task<IResult> TransferAsync(string id, TransferRequest request, IGrainFactory grains)
    {
        var check = new Validator();
        var operatorId = check.Id("operatorId", request.OperatorId);
        var targets = new[] { request.ToOperatorId is not null, request.ToDepartment is not null, request.ToLine is not null }.Count(named => named);
        if (targets != 1)
        {
            check.Add("target", "Name exactly one of toOperatorId, toDepartment or toLine.");
        }

        var toOperator = request.ToOperatorId is null ? null : check.Id("toOperatorId", request.ToOperatorId);
        var toDepartment = request.ToDepartment is null ? null : check.Id("toDepartment", request.ToDepartment);
        return check.IsValid
            ? Problems.From(await grains.GetGrain<IContactGrain>(id).TransferAsync(operatorId, new TransferTarget(toOperator, toDepartment, request.ToLine)))
            : check.Problem();
    }

    private static async Task<IResult> ActAsync(OperatorActionRequest request, Func<string, Task<Reply<ContactSnapshot>>> act)
    {
        var check = new Validator();
        var operatorId = check.Id("operatorId", request.OperatorId);
        return check.IsValid ? Problems.From(await act(operatorId)) : check.Problem();
    }
}
