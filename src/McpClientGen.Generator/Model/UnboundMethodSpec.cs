namespace McpClientGen.Generator.Model;

/// <summary>
/// A method declared with <c>[McpTool]</c> that does not fit its tool. The generated class still implements it,
/// explicitly and throwing, so that the build reports only the generator's diagnostics and not also a missing
/// interface member (CS0535) in generated code.
/// </summary>
/// <param name="Signature">The explicit implementation's signature, fully qualified.</param>
/// <param name="Message">What the implementation throws: which diagnostics the declaration has.</param>
/// <param name="Tool">
/// The tool it names, when the snapshot has it: the types of that tool are still generated, because the declaration
/// may name them and should not fail to compile for that too.
/// </param>
internal sealed record UnboundMethodSpec(string Signature, string Message, ToolSpec? Tool);
