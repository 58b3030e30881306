using System.Reflection;
using System.Reflection.Emit;

namespace Trace.Node.Tests.Architecture;

/// <summary>
/// Which namespace uses which, read from compiled types: signatures (base types, interfaces, fields, properties,
/// parameters, return types, attributes' types) and every type, method and field a method body names in its IL.
/// Reading the IL, not the <c>using</c>s, also catches partly qualified names such as <c>Evm.Rpc.BlockTag</c>.
/// </summary>
public sealed class NamespaceGraph
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Edges from a namespace to the namespaces it uses, each with one example "Type → Type" that makes it.</summary>
    public Dictionary<string, Dictionary<string, string>> Edges { get; } = [];

    /// <summary>The graph of <paramref name="types"/> whose area (see <paramref name="areaOf"/>) is not null.</summary>
    public static NamespaceGraph Of(IEnumerable<Type> types, Func<string?, string?> areaOf)
    {
        var graph = new NamespaceGraph();
        foreach (var type in types)
        {
            if (areaOf(type.Namespace) is not { } from) continue;
            graph.Edges.TryAdd(from, []);
            foreach (var used in UsedTypes(type))
            {
                if (areaOf(used.Namespace) is not { } to || to == from) continue;
                graph.Edges[from].TryAdd(to, $"{type.FullName} → {used.FullName}");
            }
        }
        return graph;
    }

    /// <summary>Every set of two or more namespaces that reach each other (strongly connected components), as readable lines.</summary>
    public List<string> Cycles()
    {
        var index = 0;
        var indices = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<string>();

        void Visit(string node)
        {
            indices[node] = low[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in Edges.GetValueOrDefault(node, []).Keys)
            {
                if (!indices.ContainsKey(next)) { Visit(next); low[node] = Math.Min(low[node], low[next]); }
                else if (onStack.Contains(next)) low[node] = Math.Min(low[node], indices[next]);
            }
            if (low[node] != indices[node]) return;
            var component = new List<string>();
            string member;
            do { member = stack.Pop(); onStack.Remove(member); component.Add(member); } while (member != node);
            if (component.Count < 2) return;
            var set = component.ToHashSet();
            var why = component.SelectMany(a => Edges.GetValueOrDefault(a, []).Where(e => set.Contains(e.Key)).Select(e => $"  {a} → {e.Key}: {e.Value}"));
            cycles.Add($"{string.Join(" ⇄ ", component.Order())}\n{string.Join("\n", why)}");
        }

        foreach (var node in Edges.Keys.Order().ToList())
            if (!indices.ContainsKey(node)) Visit(node);
        return cycles;
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null) return;
            if (t.HasElementType) { Add(t.GetElementType()); return; }
            if (t.IsGenericParameter || !found.Add(t)) return;
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                Add(t.GetGenericTypeDefinition());
                foreach (var argument in t.GetGenericArguments()) Add(argument);
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var a in type.CustomAttributes) Add(a.AttributeType);
        foreach (var f in type.GetFields(Declared)) Add(f.FieldType);
        foreach (var p in type.GetProperties(Declared)) Add(p.PropertyType);
        foreach (var e in type.GetEvents(Declared)) Add(e.EventHandlerType);
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info) Add(info.ReturnType);
            foreach (var p in method.GetParameters()) Add(p.ParameterType);
            foreach (var member in MembersNamedInBody(method))
            {
                Add(member as Type ?? member.DeclaringType);
                if (member is MethodInfo called) { Add(called.ReturnType); foreach (var p in called.GetParameters()) Add(p.ParameterType); }
                if (member is FieldInfo field) Add(field.FieldType);
            }
            try
            {
                foreach (var local in method.GetMethodBody()?.LocalVariables ?? []) Add(local.LocalType);
            }
            catch (BadImageFormatException) { }
        }
        return found;
    }

    // Walks the IL opcode by opcode and resolves every metadata token operand (types, methods, fields).
    private static IEnumerable<MemberInfo> MembersNamedInBody(MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (BadImageFormatException) { yield break; }
        if (il is null) yield break;
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE) value = unchecked((short)(0xFE00 | il[position++]));
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    MemberInfo? member = null;
                    try { member = method.Module.ResolveMember(token, typeArguments, methodArguments); }
                    catch (ArgumentException) { }
                    if (member is not null) yield return member;
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, position);
                    position += 4 + 4 * count;
                    break;
                default:
                    position += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
