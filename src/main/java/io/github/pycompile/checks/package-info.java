/**
 * The errors of the phases after the parser for targets without a back end: {@link
 * io.github.pycompile.checks.LaterPhaseChecks} runs, as {@code compile()} does, the {@code __future__}
 * checks, the symbol table ({@code symtable.SymbolTable} with version gates, {@code TypeParamChecks} for
 * 3.12+ generic definitions, 3.14's annotation scopes) and then {@code CompileChecks}, a walk of the tree
 * in the code generator's order that raises its SyntaxErrors with each version's locations. Nothing is
 * compiled; whatever cannot be reproduced exactly is refused.
 */
package io.github.pycompile.checks;
