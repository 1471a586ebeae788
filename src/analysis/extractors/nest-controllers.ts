// Nest controllers: each `@Get()/@Post()…` method of a `@Controller('prefix')` class is a route; its
// `@Body()/@Query()/@Param()` parameters are the input it reads, and pipes or DTO types attached to
// them are its validation (a DTO validates only under a global ValidationPipe, decided later).
import type { ts as TS } from 'ts-morph';
import { NEST_INPUT_DECORATORS, NEST_METHOD_DECORATORS } from '../../knowledge/integrations/web-frameworks.js';
import type { SourceInput } from '../extractor.js';
import { lineOf } from '../syntax.js';
import { stringLiteralText } from './node-shapes.js';
import type { HandlerInfo, RouteRecord } from './routes.js';

interface Decorator {
  name: string;
  args: readonly TS.Expression[];
}

function decoratorsOf(ts: typeof TS, node: TS.Node): Decorator[] {
  const decorators = ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : [];
  return decorators.flatMap((decorator): Decorator[] => {
    const expression = decorator.expression;
    if (ts.isCallExpression(expression) && ts.isIdentifier(expression.expression)) return [{ name: expression.expression.text, args: expression.arguments }];
    if (ts.isIdentifier(expression)) return [{ name: expression.text, args: [] }];
    return [];
  });
}

/** Reads and validation declared by a method's parameter decorators. */
function parameterInputs(ts: typeof TS, member: TS.MethodDeclaration, info: HandlerInfo): string[] {
  const validation: string[] = [];
  for (const parameter of member.parameters) {
    for (const decorator of decoratorsOf(ts, parameter)) {
      const input = NEST_INPUT_DECORATORS.get(decorator.name);
      if (!input) continue;
      if (!info.reads.includes(input)) info.reads.push(input);
      if (decorator.args.some((arg) => !stringLiteralText(ts, arg))) validation.push('nest-pipe');
      const type = parameter.type;
      if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) validation.push(`nest-dto:${type.typeName.text}`);
    }
  }
  return validation;
}

export function nestControllerRoutes(input: SourceInput, handlerInfo: (node: TS.Node) => HandlerInfo): RouteRecord[] {
  const { ts, sourceFile, nodes } = input;
  const routes: RouteRecord[] = [];
  for (const node of nodes.ofKind(ts.SyntaxKind.ClassDeclaration) as TS.ClassDeclaration[]) {
    const classDecorators = decoratorsOf(ts, node);
    const controller = classDecorators.find((decorator) => decorator.name === 'Controller');
    if (!controller) continue;
    const prefix = stringLiteralText(ts, controller.args[0]) ?? '';
    const classPipes = classDecorators.some((decorator) => decorator.name === 'UsePipes');
    for (const member of node.members) {
      if (!ts.isMethodDeclaration(member)) continue;
      const decorators = decoratorsOf(ts, member);
      const route = decorators.find((decorator) => NEST_METHOD_DECORATORS.has(decorator.name));
      if (!route) continue;
      const info = handlerInfo(member);
      const pipes = classPipes || decorators.some((decorator) => decorator.name === 'UsePipes') ? ['nest-pipe'] : [];
      const sub = stringLiteralText(ts, route.args[0]) ?? '';
      routes.push({
        framework: 'nest',
        method: NEST_METHOD_DECORATORS.get(route.name)!,
        path: `/${[prefix, sub].filter(Boolean).join('/')}`.replace(/\/+/g, '/'),
        line: lineOf(sourceFile, member),
        receiver: null,
        receiverImport: null,
        handler: info,
        handlerRef: null,
        validation: [...pipes, ...parameterInputs(ts, member, info)],
      });
    }
  }
  return routes;
}
