namespace Trace.Api.Provenance;

/// <summary>The pages' CSS, inlined into each page (no stylesheet to fetch; phones first, wider screens in columns).</summary>
internal static class PageStyle
{
    public const string Css = """
        *{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;background:#f8fafc}
        header,main,footer{max-width:1100px;margin:0 auto;padding:12px 16px;overflow-wrap:anywhere}
        header{display:flex;gap:16px;align-items:flex-start;justify-content:space-between;flex-wrap:wrap}
        h1{font-size:1.5rem;margin:.2em 0}h2{font-size:1.15rem;margin:1.4em 0 .5em}
        .muted{color:#475569;font-size:.9rem}.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;word-break:break-all}
        .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px}
        .figure{background:#fff;border:1px solid #e2e8f0;border-radius:10px;padding:10px 12px}
        .figure .value{font-size:1.6rem;font-weight:700}.figure .what{color:#475569;font-size:.85rem}
        .qr{width:132px;text-align:center;font-size:.75rem;color:#475569}.qr svg{width:132px;height:132px}
        .alert{background:#fef2f2;border:1px solid #fecaca;color:#7f1d1d;border-radius:10px;padding:10px 12px;margin:10px 0}
        svg.chart,svg.graph{width:100%;height:auto;background:#fff;border:1px solid #e2e8f0;border-radius:10px;padding:8px}
        svg text{font:13px system-ui,sans-serif;fill:#0f172a}svg text.small{font-size:11.5px;fill:#334155}svg text.name{font-weight:600}
        svg text.value{font-weight:600}svg text.legend{font-size:12px}
        .graph-wrap{overflow-x:auto}
        .records{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:10px}
        .record{min-width:0;background:#fff;border:1px solid #e2e8f0;border-radius:10px;padding:10px 12px}
        .record h3{font-size:1rem;margin:0 0 4px}.record dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:6px 0 0;font-size:.88rem}
        .record dt{color:#475569}.record dd{margin:0;word-break:break-word}
        .badge{display:inline-block;border-radius:999px;padding:1px 10px;font-size:.8rem;font-weight:700;margin-right:4px}
        .badge.ok{background:#dcfce7;color:#14532d}.badge.wait{background:#fef9c3;color:#713f12}.badge.warn{background:#ffedd5;color:#7c2d12}.badge.bad{background:#fee2e2;color:#7f1d1d}
        table{border-collapse:collapse;width:100%;background:#fff;font-size:.9rem}td,th{border-bottom:1px solid #e2e8f0;padding:4px 6px;text-align:left}td.num{text-align:right;white-space:nowrap}
        details{margin:8px 0}a{color:#1d4ed8}
        .checks{list-style:none;padding:0}.checks li{padding:4px 0;border-bottom:1px solid #e2e8f0}.checks li.pass::before{content:"✔ ";color:#15803d}.checks li.fail::before{content:"✘ ";color:#b91c1c}
        #verdict{font-size:1.2rem;font-weight:700;padding:10px 12px;border-radius:10px;background:#fff;border:1px solid #e2e8f0}
        #verdict.ok{background:#dcfce7}#verdict.bad{background:#fee2e2}
        input[type=url]{width:100%;padding:6px;font:inherit}button{font:inherit;padding:6px 14px;margin-top:6px}
        @media (min-width:800px){.top{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px}}
        """;
}
