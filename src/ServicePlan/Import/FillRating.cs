using ServicePlan.Progress;

namespace ServicePlan.Import;

/// <summary>
/// The rating a cell's fill colour stands for. Councils use many shades, so this goes by hue rather than exact values:
/// blues, reds, ambers (orange to yellow) and greens; whites, greys, blacks and purples mean nothing.
/// </summary>
public static class FillRating
{
    public static Rating? From(RgbColour colour)
    {
        var (hue, saturation, lightness) = ToHsl(colour);
        // Very pale tints ("lighter 80%") are row shading, not ratings.
        if (saturation < 0.25 || lightness < 0.12 || lightness > 0.85)
            return null;

        return hue switch
        {
            < 15 or >= 340 => Rating.Red,
            < 70 => Rating.Amber,
            < 170 => Rating.Green,
            < 260 => Rating.Blue,
            _ => null,
        };
    }

    private static (double Hue, double Saturation, double Lightness) ToHsl(RgbColour colour)
    {
        double r = colour.R / 255.0, g = colour.G / 255.0, b = colour.B / 255.0;
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var lightness = (max + min) / 2;
        var delta = max - min;
        if (delta == 0)
            return (0, 0, lightness);

        var saturation = delta / (1 - Math.Abs(2 * lightness - 1));
        double hue;
        if (max == r)
            hue = 60 * ((g - b) / delta % 6);
        else if (max == g)
            hue = 60 * ((b - r) / delta + 2);
        else
            hue = 60 * ((r - g) / delta + 4);
        return (hue < 0 ? hue + 360 : hue, saturation, lightness);
    }
}
