using System.Runtime.CompilerServices;

namespace Trace.Crypto;

/// <summary>
/// A secp256k1 point in Jacobian coordinates (x = X/Z², y = Y/Z³); Z = 0 is the point at infinity.
/// Formulas from the Explicit-Formulas Database for a = 0: dbl-2009-l, add-2007-bl, madd-2007-bl.
/// </summary>
internal readonly struct JacobianPoint(FieldElement x, FieldElement y, FieldElement z)
{
    public readonly FieldElement X = x, Y = y, Z = z;

    public static JacobianPoint Infinity => default;

    public bool IsInfinity => Z.IsZero;

    public static JacobianPoint FromAffine(in FieldElement x, in FieldElement y) => new(x, y, FieldElement.One);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static JacobianPoint Double(in JacobianPoint p)
    {
        if (p.IsInfinity || p.Y.IsZero) return Infinity;
        var a = FieldElement.Square(p.X);
        var b = FieldElement.Square(p.Y);
        var c = FieldElement.Square(b);
        var xb = FieldElement.Add(p.X, b);
        var d = FieldElement.Double(FieldElement.Sub(FieldElement.Sub(FieldElement.Square(xb), a), c));
        var e = FieldElement.Add(FieldElement.Double(a), a);
        var f = FieldElement.Square(e);
        var x3 = FieldElement.Sub(f, FieldElement.Double(d));
        var c8 = FieldElement.Double(FieldElement.Double(FieldElement.Double(c)));
        var y3 = FieldElement.Sub(FieldElement.Multiply(e, FieldElement.Sub(d, x3)), c8);
        var z3 = FieldElement.Double(FieldElement.Multiply(p.Y, p.Z));
        return new JacobianPoint(x3, y3, z3);
    }

    /// <summary>p + q for a Jacobian p and an affine q (given as its x, y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static JacobianPoint AddAffine(in JacobianPoint p, in FieldElement qx, in FieldElement qy)
    {
        if (p.IsInfinity) return FromAffine(qx, qy);
        var z1z1 = FieldElement.Square(p.Z);
        var u2 = FieldElement.Multiply(qx, z1z1);
        var s2 = FieldElement.Multiply(qy, FieldElement.Multiply(p.Z, z1z1));
        var h = FieldElement.Sub(u2, p.X);
        var rr = FieldElement.Sub(s2, p.Y);
        if (h.IsZero) return rr.IsZero ? Double(p) : Infinity;
        var hh = FieldElement.Square(h);
        var i = FieldElement.Double(FieldElement.Double(hh));
        var j = FieldElement.Multiply(h, i);
        var r = FieldElement.Double(rr);
        var v = FieldElement.Multiply(p.X, i);
        var x3 = FieldElement.Sub(FieldElement.Sub(FieldElement.Square(r), j), FieldElement.Double(v));
        var y3 = FieldElement.Sub(FieldElement.Multiply(r, FieldElement.Sub(v, x3)), FieldElement.Double(FieldElement.Multiply(p.Y, j)));
        var z1h = FieldElement.Add(p.Z, h);
        var z3 = FieldElement.Sub(FieldElement.Sub(FieldElement.Square(z1h), z1z1), hh);
        return new JacobianPoint(x3, y3, z3);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static JacobianPoint Add(in JacobianPoint p, in JacobianPoint q)
    {
        if (p.IsInfinity) return q;
        if (q.IsInfinity) return p;
        var z1z1 = FieldElement.Square(p.Z);
        var z2z2 = FieldElement.Square(q.Z);
        var u1 = FieldElement.Multiply(p.X, z2z2);
        var u2 = FieldElement.Multiply(q.X, z1z1);
        var s1 = FieldElement.Multiply(p.Y, FieldElement.Multiply(q.Z, z2z2));
        var s2 = FieldElement.Multiply(q.Y, FieldElement.Multiply(p.Z, z1z1));
        var h = FieldElement.Sub(u2, u1);
        var rr = FieldElement.Sub(s2, s1);
        if (h.IsZero) return rr.IsZero ? Double(p) : Infinity;
        var i = FieldElement.Square(FieldElement.Double(h));
        var j = FieldElement.Multiply(h, i);
        var r = FieldElement.Double(rr);
        var v = FieldElement.Multiply(u1, i);
        var x3 = FieldElement.Sub(FieldElement.Sub(FieldElement.Square(r), j), FieldElement.Double(v));
        var y3 = FieldElement.Sub(FieldElement.Multiply(r, FieldElement.Sub(v, x3)), FieldElement.Double(FieldElement.Multiply(s1, j)));
        var zz = FieldElement.Add(p.Z, q.Z);
        var z3 = FieldElement.Multiply(FieldElement.Sub(FieldElement.Sub(FieldElement.Square(zz), z1z1), z2z2), h);
        return new JacobianPoint(x3, y3, z3);
    }
}
