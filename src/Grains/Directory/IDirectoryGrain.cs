
namespace Helpdesk.Grains.Directory;

/// <summary>The list of ids of one kind (departments, operators), for listing them.</summary>
[Alias("helpdesk.IDirectoryGrain")]
public interface IDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The directory of departments.</summary>
    const string Departments = "departments";

    /// <summary>The directory of operators.</summary>
    const string Operators = "operators";

    /// <summary>The directory of API keys' credential ids.</summary>
    const string Credentials = "credentials";

    /// <summary>Adds <paramref name="id"/>; <see langword="false"/> when it was there already.</summary>
    [Alias("AddAsync")]
    Task<bool> AddAsync(string id);

    /// <summary>Every id, in order.</summary>
    [Alias("ListAsync")]
    Task<IReadOnlyList<string>> ListAsync();

    /// <summary>At most <paramref name="limit"/> ids, in order, those after <paramref name="after"/> (ordinally) when it is given.</summary>
    [Alias("PageAsync")]
    Task<IReadOnlyList<string>> PageAsync(string? after, int limit);
}
