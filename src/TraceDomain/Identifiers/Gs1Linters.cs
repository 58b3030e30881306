using System.Globalization;

namespace Trace.Domain.Identifiers;

/// <summary>
/// The GS1 Barcode Syntax Tests ("linters") the dictionary names, for the ones Trace implements; a linter not listed
/// here (country/currency code lists, GCP prefix look-ups, coupon structures) is not checked.
/// </summary>
public static class Gs1Linters
{
    /// <summary>Runs <paramref name="linter"/> on one component; null when it passes, else the reason.</summary>
    public static string? Check(string linter, string part) => linter switch
    {
        "csum" => Gs1CheckDigit.IsValid(part) ? null : "incorrect check digit",
        "yymmd0" => IsDate(part, twoDigitYear: true, dayZeroAllowed: true) ? null : "not a valid YYMMDD date",
        "yymmdd" => IsDate(part, twoDigitYear: true, dayZeroAllowed: false) ? null : "not a valid YYMMDD date",
        "yyyymmdd" => IsDate(part, twoDigitYear: false, dayZeroAllowed: false) ? null : "not a valid YYYYMMDD date",
        "hhmi" => part.Length == 4 && Number(part[..2]) <= 23 && Number(part[2..]) <= 59 ? null : "not a valid HHMI time",
        "hh" => Number(part) <= 23 ? null : "not a valid hour",
        "mi" or "ss" => Number(part) <= 59 ? null : "not a valid minute or second",
        "nonzero" => part.Any(c => c != '0') ? null : "must not be zero",
        "zero" => part.All(c => c == '0') ? null : "must be zero",
        "nozeroprefix" => part.Length == 1 || part[0] != '0' ? null : "must not start with zero",
        "yesno" => part is "0" or "1" ? null : "must be 0 or 1",
        "winding" => part is "0" or "1" or "9" ? null : "must be 0, 1 or 9",
        "iso5218" => part is "0" or "1" or "2" or "9" ? null : "must be an ISO 5218 sex code",
        "hyphen" => part.All(c => c == '-') ? null : "must be a hyphen",
        "hasnondigit" => part.Any(c => c is < '0' or > '9') ? null : "must contain a non-digit",
        "pieceoftotal" => PieceOfTotal(part) ? null : "piece must be between 1 and the total",
        "pcenc" => PercentEncoded(part) ? null : "invalid percent encoding",
        _ => null,
    };

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool IsDate(string part, bool twoDigitYear, bool dayZeroAllowed)
    {
        var yearLength = twoDigitYear ? 2 : 4;
        if (part.Length != yearLength + 4) return false;
        var year = Number(part[..yearLength]);
        if (twoDigitYear) year += 2000; // only February 29 depends on the century; "00" is read as the leap year 2000
        var month = Number(part.Substring(yearLength, 2));
        var day = Number(part.Substring(yearLength + 2, 2));
        if (month is < 1 or > 12) return false;
        if (day == 0) return dayZeroAllowed;
        return day <= DateTime.DaysInMonth(year, month);
    }

    private static bool PieceOfTotal(string part)
    {
        if (part.Length % 2 != 0) return false;
        var piece = Number(part[..(part.Length / 2)]);
        var total = Number(part[(part.Length / 2)..]);
        return piece >= 1 && total >= 1 && piece <= total;
    }

    private static bool PercentEncoded(string part)
    {
        for (var i = 0; i < part.Length; i++)
            if (part[i] == '%' && (i + 2 >= part.Length || !Uri.IsHexDigit(part[i + 1]) || !Uri.IsHexDigit(part[i + 2]))) return false;
        return true;
    }
}
