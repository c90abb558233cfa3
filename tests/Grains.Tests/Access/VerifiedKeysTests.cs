using Helpdesk.Grains.Access;
using Helpdesk.Testing;

namespace Helpdesk.Grains.Tests.Access;

/// <summary>What a silo keeps of the keys it verified: found only by their own secret, and never kept past a revocation.</summary>
public sealed class VerifiedKeysTests
{
    private static readonly Credential Wallboard = new("0a1b2c3d4e5f", "wallboard", Role.Supervisor, null, DateTimeOffset.UnixEpoch, "admin");

    private readonly ManualTimeProvider _clock = new();
    private readonly VerifiedKeys _keys;

    public VerifiedKeysTests() => _keys = new VerifiedKeys(_clock);

    [Fact]
    public void AVerifiedKeyIsFoundByItsOwnSecretOnly()
    {
        _keys.Remember(Wallboard, ApiKey.Hash("secret"), _keys.Forgotten);

        Assert.Same(Wallboard, _keys.Find(Wallboard.Id, ApiKey.Hash("secret")));
        Assert.Null(_keys.Find(Wallboard.Id, ApiKey.Hash("guessed")));
        Assert.Null(_keys.Find("ffffffffffff", ApiKey.Hash("secret")));
    }

    [Fact]
    public void AVerificationLapsesAfterItsLifetime()
    {
        _keys.Remember(Wallboard, ApiKey.Hash("secret"), _keys.Forgotten);

        _clock.Advance(VerifiedKeys.Lifetime - TimeSpan.FromSeconds(1));
        var before = _keys.Find(Wallboard.Id, ApiKey.Hash("secret"));
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Same(Wallboard, before);
        Assert.Null(_keys.Find(Wallboard.Id, ApiKey.Hash("secret")));
    }

    [Fact]
    public void AForgottenKeyIsAskedForAgain()
    {
        _keys.Remember(Wallboard, ApiKey.Hash("secret"), _keys.Forgotten);

        _keys.Forget(Wallboard.Id);

        Assert.Null(_keys.Find(Wallboard.Id, ApiKey.Hash("secret")));
    }

    [Fact]
    public void AnAnswerOvertakenByARevocationIsNotKept()
    {
        var forgotten = _keys.Forgotten;
        _keys.Forget(Wallboard.Id);

        _keys.Remember(Wallboard, ApiKey.Hash("secret"), forgotten);

        Assert.Null(_keys.Find(Wallboard.Id, ApiKey.Hash("secret")));
    }
}
