using System.Linq.Expressions;
using System.Reflection;
using Helpdesk.Runtime.Core;

namespace Helpdesk.Runtime.Invocation;

/// <summary>A grain interface method, compiled once into a delegate that calls it on a grain without reflection.</summary>
internal abstract class GrainMethod
{
    protected GrainMethod(MethodInfo method)
    {
        Name = $"{method.DeclaringType!.Name}.{method.Name}";
        IsOneWay = method.IsDefined(typeof(OneWayAttribute), inherit: false);
        Invoker = CompileInvoker(method);
    }

    public string Name { get; }

    public bool IsOneWay { get; }

    protected Func<object, object?[], Task> Invoker { get; }

    /// <summary>Sends the call to the grain <paramref name="target"/> and returns the task the caller awaits.</summary>
    public abstract Task Call(GrainRuntime runtime, GrainId target, object?[] arguments);

    public static GrainMethod For(MethodInfo method)
    {
        if (method.IsGenericMethodDefinition)
        {
            throw new InvalidOperationException($"Grain method {method.DeclaringType?.Name}.{method.Name} is generic; grain methods cannot be generic.");
        }

        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            return new Typed<VoidResult>(method, static _ => default);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var resultType = returnType.GetGenericArguments()[0];
            return (GrainMethod)typeof(GrainMethod).GetMethod(nameof(ForResult), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(resultType)
                .Invoke(null, [method])!;
        }

        throw new InvalidOperationException($"Grain method {method.DeclaringType?.Name}.{method.Name} returns {returnType.Name}; grain methods must return Task or Task<T>.");
    }

    private static Typed<T> ForResult<T>(MethodInfo method)
    {
        if (method.IsDefined(typeof(OneWayAttribute), inherit: false))
        {
            throw new InvalidOperationException($"One-way grain method {method.DeclaringType?.Name}.{method.Name} must return Task: nobody waits for its result.");
        }

        return new Typed<T>(method, static task => ((Task<T>)task).Result);
    }

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

    private sealed class Typed<T>(MethodInfo method, Func<Task, T> result) : GrainMethod(method)
    {
        public override Task Call(GrainRuntime runtime, GrainId target, object?[] arguments)
        {
            var request = new GrainRequest<T>(target, runtime.CallDeadline(), keepsAlive: true, Name, Invoker, result, arguments, IsOneWay);
            runtime.Catalog.Dispatch(request);
            return request.Task ?? Task.CompletedTask;
        }
    }
}
