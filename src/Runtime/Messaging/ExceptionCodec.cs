using System.Collections.Concurrent;

namespace Helpdesk.Runtime.Messaging;

/// <summary>Recreates an exception thrown on another silo with its type and message, so callers catch what the grain threw.</summary>
internal static class ExceptionCodec
{
    private static readonly ConcurrentDictionary<string, Func<string, Exception>?> Factories = new(StringComparer.Ordinal);

    public static Exception Rebuild(string? typeName, string? message)
    {
        typeName ??= nameof(Exception);
        message ??= "";
        return Factories.GetOrAdd(typeName, FactoryFor) is { } factory
            ? factory(message)
            : new RemoteGrainException(typeName, message);
    }

    private static Func<string, Exception>? FactoryFor(string typeName)
    {
        var type = AppDomain.CurrentDomain.GetAssemblies()
            .Select(assembly => assembly.GetType(typeName, throwOnError: false))
            .FirstOrDefault(candidate => candidate is not null && typeof(Exception).IsAssignableFrom(candidate));
        if (type is null)
        {
            return null;
        }

        // (message, inner) sets the message for every exception that has it, even where (string) means a parameter name.
        if (type.GetConstructor([typeof(string), typeof(Exception)]) is { } withInner)
        {
            return message => (Exception)withInner.Invoke([message, null]);
        }

        return type.GetConstructor([typeof(string)]) is { } withMessage
            ? message => (Exception)withMessage.Invoke([message])
            : null;
    }
}
