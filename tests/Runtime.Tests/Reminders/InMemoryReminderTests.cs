using Helpdesk.Runtime.Hosting;

namespace Helpdesk.Runtime.Tests.Reminders;

public sealed class InMemoryReminderTableTests : ReminderTableConformance
{
    protected override void UseStorage(GrainRuntimeBuilder runtime) => runtime.UseInMemoryStorage();
}

public sealed class InMemoryReminderDeliveryTests : ReminderDeliveryTests
{
    protected override void UseStorage(GrainRuntimeBuilder runtime) => runtime.UseInMemoryStorage();
}
