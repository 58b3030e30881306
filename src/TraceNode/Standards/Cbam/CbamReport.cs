namespace Trace.Node.Standards.Cbam;

/// <summary>A CBAM report export: the period, the filters and one goods item per CN code and installation.</summary>
public sealed record CbamReport(CbamReportQuery Query, DateTimeOffset GeneratedAt, IReadOnlyList<CbamGoodsItem> Goods, IReadOnlyList<string> Notes);
