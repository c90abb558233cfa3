using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Helpdesk.Runtime.Core;

namespace Helpdesk.Runtime.Invocation;

/// <summary>A grain interface method, compiled once into a delegate that calls it on a grain without reflection.</summary>
/// <remarks>Its <see cref="Key"/> names it between silos, so a remote call finds the same method on the callee.</remarks>
internal abstract class GrainMethod
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethod> ByMethod = new();
    private static readonly ConcurrentDictionary<string, GrainMethod> ByKey = new(StringComparer.Ordinal);

    protected GrainMethod(MethodInfo method)
    {
        Name = $"{method.DeclaringType!.Name}.{method.Name}";
        ParameterTypes = [.. method.GetParameters().Select(parameter => parameter.ParameterType)];
        Key = $"{method.DeclaringType.FullName}.{method.Name}({string.Join(',', ParameterTypes.Select(type => type.FullName))})";
        IsOneWay = method.IsDefined(typeof(OneWayAttribute), inherit: false);
        IsIdempotent = method.IsDefined(typeof(IdempotentAttribute), inherit: false);
        AlwaysInterleaves = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: false);
        Invoker = CompileInvoker(method);
    }

    public string Name { get; }

    public string Key { get; }

    public IReadOnlyList<Type> ParameterTypes { get; }

    /// <summary>The type of the result, or <see langword="null"/> for a method returning <see cref="Task"/>.</summary>
    public abstract Type? ResultType { get; }

    public bool IsOneWay { get; }

    /// <summary>Whether running the call twice is harmless, so it may be retried when a silo dies mid-call.</summary>
    public bool IsIdempotent { get; }

    /// <summary>Whether the call may run beside the other requests of a non-reentrant grain.</summary>
    public bool AlwaysInterleaves { get; }

    protected Func<object, object?[], Task> Invoker { get; }

    public static GrainMethod Of(MethodInfo method) => ByMethod.GetOrAdd(method, static m =>
    {
        var created = Create(m);
        ByKey.TryAdd(created.Key, created);
        return created;
    });

    /// <summary>Registers every method of a grain interface so calls from other silos can name them.</summary>
    public static void Register(Type grainInterface)
    {
        foreach (var method in grainInterface.GetMethods())
        {
            Of(method);
        }
    }

    public static GrainMethod? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>A request for this method, not yet sent.</summary>
    public abstract GrainRequest CreateRequest(GrainId target, long deadlineTicks, object?[] arguments);

    /// <summary>Sends the call to the grain <paramref name="target"/> and returns the task the caller awaits.</summary>
    public Task Call(GrainRuntime runtime, GrainId target, object?[] arguments)
    {
        var request = CreateRequest(target, runtime.CallDeadline(), arguments);
        runtime.Send(request);
        return request.CallerTask ?? Task.CompletedTask;
    }

    private static GrainMethod Create(MethodInfo method)
    {
        if (method.IsGenericMethodDefinition)
        {
            throw new InvalidOperationException($"Grain method {method.DeclaringType?.Name}.{method.Name} is generic; grain methods cannot be generic.");
        }

        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            return new Typed<VoidResult>(method, static _ => default, resultType: null);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            if (method.IsDefined(typeof(OneWayAttribute), inherit: false))
            {
                throw new InvalidOperationException($"One-way grain method {method.DeclaringType?.Name}.{method.Name} must return Task: nobody waits for its result.");
            }

            var resultType = returnType.GetGenericArguments()[0];
            return (GrainMethod)typeof(GrainMethod).GetMethod(nameof(ForResult), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(resultType)
                .Invoke(null, [method])!;
        }

        throw new InvalidOperationException($"Grain method {method.DeclaringType?.Name}.{method.Name} returns {returnType.Name}; grain methods must return Task or Task<T>.");
    }

    private static Typed<T> ForResult<T>(MethodInfo method) => new(method, static task => ((Task<T>)task).Result, typeof(T));

    private static Func<object, object?[], Task> CompileInvoker(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var parameters = method.GetParameters()
            .Select((parameter, index) => Expression.Convert(
                Expression.ArrayIndex(arguments, Expression.Constant(index)),
                parameter.ParameterType));
        var call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, parameters);
        return Expression.Lambda<Func<object, object?[], Task>>(Expression.Convert(call, typeof(Task)), grain, arguments).Compile();
    }

    private sealed class Typed<T>(MethodInfo method, Func<Task, T> result, Type? resultType) : GrainMethod(method)
    {
        public override Type? ResultType => resultType;

        public override GrainRequest CreateRequest(GrainId target, long deadlineTicks, object?[] arguments) =>
            new GrainRequest<T>(target, deadlineTicks, keepsAlive: true, Name, Invoker, result, arguments, IsOneWay) { Method = this };
    }
}
