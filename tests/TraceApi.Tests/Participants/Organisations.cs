using System.Security.Cryptography;
using Trace.Domain.Identifiers;
using Trace.Node.Participants;
using IdentityDocument = Trace.Protos.V1.IdentityDocument;

namespace Trace.Api.Tests.Participants;

/// <summary>Fresh, valid LEIs and GLNs (random, with correct check digits) and identity documents for onboarding tests.</summary>
internal static class Organisations
{
    private const string LeiAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string NewLei()
    {
        var prefix = new string([.. Enumerable.Range(0, 18).Select(_ => LeiAlphabet[RandomNumberGenerator.GetInt32(LeiAlphabet.Length)])]);
        return prefix + LeiCode.CheckDigits(prefix);
    }

    public static string NewGln()
    {
        var digits = new string([.. Enumerable.Range(0, 12).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10)))]);
        return digits + Gs1CheckDigit.Compute(digits);
    }

    public static IdentityDocument WithLei(string name, string country = "DE") =>
        new() { LegalName = name, Country = country, Lei = NewLei(), ContactName = "Onboarding desk", ContactEmail = "onboarding@example.com" };

    public static IdentityDocument WithGln(string name, string country = "NL") =>
        new() { LegalName = name, Country = country, Gln = NewGln() };
}
