using Microsoft.Extensions.DependencyInjection;
using Orleans.Reminders;

namespace Helpdesk.Testing;

/// <summary>Drives a silo's grains, grain timers and reminders by a <see cref="ManualTimeProvider"/>; everything else of Orleans stays on real time.</summary>
/// <remarks>
/// Orleans resolves each of its areas' clocks by key, falling back to the default one. The grains (their injected clock and
/// their timers) and the reminders get the manual clock under their keys; membership, messaging timeouts, the grain
/// directory and activation collection keep the real one, so moving the clock by days neither expires calls nor
/// leaves a directory retry waiting for the clock. Every reminder is kept loaded, so a tick is armed on the manual clock
/// the moment it is registered, however far ahead it falls.
/// </remarks>
public static class SiloClock
{
    /// <summary>Registers <paramref name="clock"/> as the silo's clock for grains and reminders, and the silo's <see cref="ReminderTicks"/>.</summary>
    public static IServiceCollection AddManualClock(this IServiceCollection services, ManualTimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, clock);
        services.AddSingleton(provider => new ReminderTicks(clock, provider.GetRequiredService<ILocalSiloDetails>().SiloAddress));
        services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, (provider, _) => provider.GetRequiredService<ReminderTicks>().Clock);
        services.Configure<ReminderOptions>(reminders =>
        {
            reminders.ReminderLoadingWindow = TimeSpan.FromDays(3650);
            reminders.RefreshReminderListPeriod = TimeSpan.FromDays(3650);
        });
        return services;
    }
}
