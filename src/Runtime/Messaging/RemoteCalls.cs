using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Mime;
using System.Text;
using System.Text.Json;
using Helpdesk.Runtime.Activation;
using Helpdesk.Runtime.Cluster;
using Helpdesk.Runtime.Core;
using Helpdesk.Runtime.Invocation;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Runtime.Messaging;

/// <summary>Sends grain calls to the silos that own them, and serves the calls other silos send here.</summary>
/// <remarks>
/// A "not owner" answer refreshes the partition map and sends again, at most <see cref="ClusterOptions.MaxForwards"/> times.
/// An owner that cannot be reached fails the call fast with <see cref="SiloUnavailableException"/> unless the map
/// already names a new owner; a call that may have reached a silo that then died is sent again only when its method
/// is <see cref="IdempotentAttribute">idempotent</see>.
/// </remarks>
internal sealed partial class RemoteCalls(GrainRuntime runtime, IPartitionDirectory directory, ClusterOptions options, ILogger logger) : IDisposable
{
    private const string JsonMediaType = MediaTypeNames.Application.Json;

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        EnableMultipleHttp2Connections = true,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
    })
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly ConcurrentDictionary<string, Uri> _endpoints = new(StringComparer.Ordinal);

    public void Send(GrainRequest request, int partition) => _ = SendAsync(request, partition);

    public void Dispose() => _http.Dispose();

    public async Task<CallResponse> ServeAsync(CallEnvelope envelope)
    {
        if (GrainMethod.Find(envelope.Method) is not { } method)
        {
            return Failure(new UnknownGrainTypeException($"This silo knows no grain method {envelope.Method}; are all silos running the same version?"));
        }

        var target = new GrainId(envelope.Type, envelope.Key);
        if (!directory.TryGetLocal(target.PartitionOf(directory.PartitionCount), out var fence))
        {
            return new CallResponse(CallStatus.NotOwner);
        }

        var arguments = new object?[method.ParameterTypes.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = envelope.Arguments[i].Deserialize(method.ParameterTypes[i], runtime.Json);
        }

        var deadline = runtime.TimeProvider.GetUtcNow().UtcTicks + TimeSpan.FromMilliseconds(envelope.TimeoutMs).Ticks;
        var request = method.CreateRequest(target, deadline, arguments);
        runtime.Catalog.Dispatch(request, fence);
        if (request.CallerTask is not { } answer)
        {
            return new CallResponse(CallStatus.Ok);
        }

        try
        {
            await answer;
        }
        catch (Exception exception)
        {
            return Failure(exception);
        }

        return new CallResponse(
            CallStatus.Ok,
            method.ResultType is { } resultType ? JsonSerializer.SerializeToElement(request.ResultOf(answer), resultType, runtime.Json) : null);
    }

    private async Task SendAsync(GrainRequest request, int partition)
    {
        var method = request.Method!;
        var forwards = 0;
        while (!request.IsAnswered)
        {
            var remaining = TimeSpan.FromTicks(request.DeadlineTicks - runtime.TimeProvider.GetUtcNow().UtcTicks);
            if (remaining <= TimeSpan.Zero)
            {
                request.Fail(new GrainCallTimeoutException(request.Target, method.Name, runtime.Options.CallTimeout));
                return;
            }

            if (directory.TryGetLocal(partition, out var fence))
            {
                runtime.Catalog.Dispatch(request, fence);
                return;
            }

            var map = directory.Map;
            var lease = map[partition];
            if (lease.Owner is null || lease.Address is null || lease.Owner == runtime.Options.SiloName)
            {
                // Nobody serves the partition right now (a handover is under way): wait for the next map.
                directory.RequestRefresh();
                await directory.WaitForChangeAsync(map.Version, Min(remaining, options.RenewPeriod), CancellationToken.None);
                continue;
            }

            CallResponse response;
            try
            {
                response = await PostAsync(lease.Address, request, map.Version, remaining);
            }
            catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConnectionError)
            {
                // The call never left, so it may go to a new owner. Until the leases move, an idempotent call waits
                // for them (within its deadline); any other call fails fast with a clear error.
                directory.RequestRefresh();
                await directory.WaitForChangeAsync(map.Version, Min(remaining, options.RenewPeriod), CancellationToken.None);
                var moved = directory.Map[partition].Owner != lease.Owner;
                if ((!moved && !method.IsIdempotent) || (moved && ++forwards > options.MaxForwards))
                {
                    request.Fail(Unreachable(request, lease, mayHaveRun: false));
                    return;
                }

                continue;
            }
            catch (OperationCanceledException)
            {
                request.Fail(new GrainCallTimeoutException(request.Target, method.Name, runtime.Options.CallTimeout));
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                if (!method.IsIdempotent || ++forwards > options.MaxForwards)
                {
                    request.Fail(Unreachable(request, lease, mayHaveRun: true));
                    return;
                }

                LogRetryingIdempotent(request.Target, method.Name, lease.Owner, exception);
                directory.RequestRefresh();
                await directory.WaitForChangeAsync(map.Version, Min(remaining, options.RenewPeriod), CancellationToken.None);
                continue;
            }

            switch (response.Status)
            {
                case CallStatus.Ok:
                    request.SetResult(method.ResultType is { } resultType && response.Result is { } result ? result.Deserialize(resultType, runtime.Json) : null);
                    return;
                case CallStatus.Error:
                    request.Fail(ExceptionCodec.Rebuild(response.ErrorType, response.ErrorMessage));
                    return;
                default:
                    // Not the owner. While the map still names that silo, it is handing the partition over: wait for the
                    // next map (bounded by the call's deadline). A map naming another owner counts as a forward.
                    directory.RequestRefresh();
                    await directory.WaitForChangeAsync(map.Version, Min(remaining, options.RenewPeriod), CancellationToken.None);
                    if (directory.Map[partition].Owner != lease.Owner && ++forwards > options.MaxForwards)
                    {
                        request.Fail(new SiloUnavailableException($"{request.Target} was sent to {forwards} silos that no longer owned it; the cluster is rebalancing. Retry the call."));
                        return;
                    }

                    break;
            }
        }
    }

    private async Task<CallResponse> PostAsync(string address, GrainRequest request, long viewVersion, TimeSpan remaining)
    {
        var method = request.Method!;
        var arguments = new JsonElement[request.Arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = JsonSerializer.SerializeToElement(request.Arguments[i], method.ParameterTypes[i], runtime.Json);
        }

        var envelope = new CallEnvelope(request.Target.Type, request.Target.Key, method.Key, arguments, (long)remaining.TotalMilliseconds, viewVersion);

        // An envelope is small: serialized up front and sent as one buffer of known length, it costs less than being
        // serialized asynchronously into the request stream; the answer, already buffered, is parsed at once too.
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(envelope, runtime.Json));
        content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType, Encoding.UTF8.WebName);
        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint(address))
        {
            Content = content,
            Version = _http.DefaultRequestVersion,
            VersionPolicy = _http.DefaultVersionPolicy,
        };
        using var timeout = new CancellationTokenSource(remaining, runtime.TimeProvider);
        using var response = await _http.SendAsync(message, timeout.Token);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        return JsonSerializer.Deserialize<CallResponse>(body, runtime.Json)
            ?? throw new IOException($"Silo at {address} answered a grain call with an empty body.");
    }

    /// <summary>The internal endpoint of the silo at <paramref name="address"/>, parsed once per address.</summary>
    private Uri Endpoint(string address) =>
        _endpoints.GetOrAdd(address, static address => new Uri(new Uri(address), InternalServer.Route));

    private static SiloUnavailableException Unreachable(GrainRequest request, PartitionLease lease, bool mayHaveRun) =>
        new(mayHaveRun
            ? $"Silo {lease.Owner} at {lease.Address}, which owns {request.Target}, failed during the call; it may or may not have run, so it was not retried. Its partitions move to other silos within a lease time."
            : $"Silo {lease.Owner} at {lease.Address}, which owns {request.Target}, cannot be reached. Its partitions move to other silos within a lease time; retry then.");

    private static CallResponse Failure(Exception exception) =>
        new(CallStatus.Error, ErrorType: exception.GetType().FullName, ErrorMessage: exception.Message);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotent call {Method} to {GrainId} failed on silo {Silo}; sending it again")]
    private partial void LogRetryingIdempotent(GrainId grainId, string method, string? silo, Exception exception);
}
