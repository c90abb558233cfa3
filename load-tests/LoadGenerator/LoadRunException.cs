namespace Helpdesk.LoadGenerator;

/// <summary>The run could not be carried out: a silo or PostgreSQL did not start, or the center could not be set up. The message says what to check.</summary>
internal sealed class LoadRunException : Exception
{
    public LoadRunException(string message)
        : base(message)
    {
    }

    public LoadRunException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
