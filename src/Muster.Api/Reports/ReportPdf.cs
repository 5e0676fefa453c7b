using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using Muster.Reports;
using Muster.Reports.Rendering;

namespace Muster.Api.Reports;

/// <summary>
/// A report as an A4 PDF in Chinese, laid out from the same sections as its text, with its fonts embedded (as subsets).
/// PDFsharp reads TrueType fonts (glyf outlines): Debian's <c>fonts-droid-fallback</c> has the CJK glyphs but no Latin
/// letters or digits, so those are drawn in DejaVu Sans (<c>fonts-dejavu-core</c>); run.sh and test.sh install both.
/// Noto CJK comes as OpenType/CFF collections (.ttc), which PDFsharp 6.2.4 does not read (it fails inside
/// <c>OpenTypeFontFace</c>; tried with <c>Reports:FontFile</c> pointing at NotoSansCJK-Regular.ttc).
/// </summary>
public static class ReportPdf
{
    private const string CjkFamily = "Muster CJK";
    private const string LatinFamily = "Muster Latin";

    /// <summary>Where Debian puts TrueType fonts with CJK glyphs, the first that exists wins.</summary>
    public static readonly IReadOnlyList<string> DebianFonts =
    [
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf",
    ];

    /// <summary>DejaVu Sans, regular and bold: Latin letters, digits, °, Roman numerals.</summary>
    public static readonly (string Regular, string Bold) LatinFonts =
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    private const double Margin = 56; // 2 cm
    private static readonly Lock Gate = new();

    /// <summary>The CJK font file to embed, or null when it or DejaVu is not installed (the endpoint then says which package to install).</summary>
    public static string? FontFile(ReportsOptions options)
    {
        var cjk = options.FontFile is { Length: > 0 } configured ? (File.Exists(configured) ? configured : null) : DebianFonts.FirstOrDefault(File.Exists);
        return cjk is not null && File.Exists(LatinFonts.Regular) && File.Exists(LatinFonts.Bold) ? cjk : null;
    }

    public static byte[] Render(IncidentReport report, ReportsOptions options, string fontFile)
    {
        lock (Gate)
        {
            // PDFsharp keeps its font resolver process-wide; set it once, pointing at the files this service uses.
            FileFontResolver.Use(fontFile);
            using var document = new PdfDocument();
            document.Info.Title = report.Content.Title;
            document.Info.Author = options.Issuer;
            document.Info.Subject = ReportWords.Stage(report.Kind, report.Number);
            var writer = new PageWriter(document);
            var heading = Fonts.Of(16, bold: true);
            var label = Fonts.Of(11.5, bold: true);
            var body = Fonts.Of(11.5, bold: false);
            writer.Centered($"{options.Issuer}突发事件信息{ReportWords.Stage(report.Kind, report.Number)}", heading);
            writer.Gap(10);
            foreach (var section in ReportText.Sections(report, options))
            {
                if (section.Inline)
                {
                    writer.Paragraph(section.Heading + "：" + section.Body, body);
                }
                else
                {
                    writer.Gap(6);
                    writer.Paragraph(section.Heading, label);
                    foreach (var line in section.Body.Split('\n'))
                    {
                        writer.Paragraph(line, body, indent: 22);
                    }
                }
            }

            writer.Dispose();
            using var stream = new MemoryStream();
            document.Save(stream, closeStream: false);
            return stream.ToArray();
        }
    }

    /// <summary>A CJK font and a Latin one of the same size and weight; each character is drawn in the one that has it.</summary>
    private sealed record Fonts(XFont Cjk, XFont Latin)
    {
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

        public static Fonts Of(double size, bool bold)
        {
            var style = bold ? XFontStyleEx.Bold : XFontStyleEx.Regular;
            return new(new XFont(CjkFamily, size, style, Unicode), new XFont(LatinFamily, size, style, Unicode));
        }

        public double Height => Cjk.GetHeight();

        /// <summary>CJK ideographs, kana, CJK punctuation and full-width forms (U+2E80 on) in the CJK font; the rest in DejaVu.</summary>
        public XFont For(char c) => c >= '\u2E80' ? Cjk : Latin;

        /// <summary>The text cut where the font changes.</summary>
        public IEnumerable<(string Text, XFont Font)> Runs(string text)
        {
            var start = 0;
            for (var i = 1; i <= text.Length; i++)
            {
                if (i == text.Length || For(text[i]) != For(text[start]))
                {
                    yield return (text[start..i], For(text[start]));
                    start = i;
                }
            }
        }
    }

    /// <summary>Writes wrapped lines down A4 pages, starting a new page at the bottom margin.</summary>
    private sealed class PageWriter(PdfDocument document) : IDisposable
    {
        private XGraphics? _graphics;
        private double _y;
        private PdfPage? _page;

        private XGraphics Graphics => _graphics ?? NewPage();

        public void Centered(string text, Fonts fonts)
        {
            var g = Graphics;
            var width = Measure(text, fonts);
            Draw(g, text, fonts, (_page!.Width.Point - width) / 2);
            _y += fonts.Height * 1.4;
        }

        public void Gap(double points) => _y += points;

        /// <summary>Breaks between any two characters (Chinese has no spaces to break at), never past the right margin.</summary>
        public void Paragraph(string text, Fonts fonts, double indent = 0)
        {
            var height = fonts.Height * 1.45;
            var width = Graphics.PageSize.Width - 2 * Margin - indent;
            foreach (var line in Wrap(text, fonts, width))
            {
                var g = Graphics;
                if (_y + height > _page!.Height.Point - Margin)
                {
                    g = NewPage();
                }

                Draw(g, line, fonts, Margin + indent);
                _y += height;
            }
        }

        private void Draw(XGraphics g, string text, Fonts fonts, double x)
        {
            foreach (var (run, font) in fonts.Runs(text))
            {
                g.DrawString(run, font, XBrushes.Black, x, _y, XStringFormats.TopLeft);
                x += g.MeasureString(run, font).Width;
            }
        }

        private double Measure(string text, Fonts fonts) => fonts.Runs(text).Sum(r => Graphics.MeasureString(r.Text, r.Font).Width);

        private IEnumerable<string> Wrap(string text, Fonts fonts, double width)
        {
            var start = 0;
            var used = 0.0;
            for (var i = 0; i < text.Length; i++)
            {
                var w = Graphics.MeasureString(text[i].ToString(), fonts.For(text[i])).Width;
                if (used + w > width && i > start)
                {
                    yield return text[start..i];
                    start = i;
                    used = 0;
                }

                used += w;
            }

            yield return text[start..];
        }

        private XGraphics NewPage()
        {
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
            return _graphics;
        }

        public void Dispose() => _graphics?.Dispose();
    }

    /// <summary>The CJK family is the one CJK file (bold simulated); the Latin family is DejaVu Sans, regular or bold.</summary>
    private sealed class FileFontResolver : IFontResolver
    {
        private static FileFontResolver? _installed;
        private readonly Dictionary<string, byte[]> _faces = [];
        private string _cjkFile = "";

        public static void Use(string cjkFile)
        {
            if (_installed is null)
            {
                _installed = new FileFontResolver();
                _installed._faces["muster-latin"] = File.ReadAllBytes(LatinFonts.Regular);
                _installed._faces["muster-latin-bold"] = File.ReadAllBytes(LatinFonts.Bold);
                GlobalFontSettings.FontResolver = _installed;
            }

            if (_installed._cjkFile != cjkFile)
            {
                _installed._cjkFile = cjkFile;
                _installed._faces["muster-cjk"] = File.ReadAllBytes(cjkFile);
            }
        }

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            familyName == LatinFamily ? new(bold ? "muster-latin-bold" : "muster-latin", false, italic) : new("muster-cjk", bold, italic);

        public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);
    }
}
