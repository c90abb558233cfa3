using System.Data.Common;

namespace Helpdesk.Cluster.Storage;

/// <summary>Turns a database failure into one that can travel between silos.</summary>
/// <remarks>
/// A grain's state or reminder is read or written on one silo while its caller may wait on another, and Orleans sends
/// the failure back with the answer. It cannot serialize Npgsql's exceptions, so the caller got a
/// <c>CodecNotFoundException</c> instead, and a request meeting PostgreSQL restarting was answered 500 rather than 503
/// with <c>Retry-After</c>. The storage provider logs the original; what travels keeps its type name and message.
/// </remarks>
internal static class DatabaseFailure
{
    public static async Task Portable(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (DbException exception)
        {
            throw Of(exception);
        }
    }

    public static async Task<T> Portable<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (DbException exception)
        {
            throw Of(exception);
        }
    }

    private static OrleansException Of(DbException exception) => new($"The database failed: {exception.GetType().Name}: {exception.Message}");
}
