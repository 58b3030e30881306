namespace Trace.Client.Keys;

/// <summary>How hard a keystore's password is to guess by brute force (the scrypt cost it is encrypted with).</summary>
public enum KeyStrength
{
    /// <summary>scrypt N = 2^18, r = 8, p = 1 (geth's default; about a second and 256 MiB per unlock).</summary>
    Standard,

    /// <summary>scrypt N = 2^12, r = 8, p = 6 (geth's "light"; for test and demo keys only).</summary>
    Light,
}
