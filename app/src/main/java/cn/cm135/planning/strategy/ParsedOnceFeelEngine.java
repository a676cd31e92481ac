package cn.cm135.planning.strategy;

import java.util.List;

import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.util.ConcurrentLruCache;

import camundajar.impl.scala.util.Either;

/**
 * Camunda's FEEL engine for the DMN engine, except that each expression text is parsed once, not on every
 * evaluation. Camunda 7.24's {@link ScalaFeelEngine} hands the text to {@code FeelEngine.evalExpression} and
 * {@code evalUnaryTests}, which parse it every time (camunda/feel-scala#1149, open): with the
 * service-strategy table that parsing is about three quarters of an evaluation (86 µs → 20 µs per customer
 * here). A parsed expression is an immutable syntax tree and parsing has no context, so sharing it across
 * evaluations and threads changes nothing but the time. Everything else — value mappers, functions, the
 * configuration with external functions off — is what {@link ScalaFeelEngine} builds.
 */
final class ParsedOnceFeelEngine extends ScalaFeelEngine {

    /** Distinct expression texts kept: a table's input entries, input and output expressions, several versions. */
    private static final int CAPACITY = 2048;

    ParsedOnceFeelEngine() {
        super(List.of());
    }

    @Override
    protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions, ValueMapper.CompositeValueMapper values) {
        return new Caching(functions, values);
    }

    private static final class Caching extends FeelEngine {

        private final ConcurrentLruCache<String, Either<FeelEngine.Failure, ParsedExpression>> expressions =
                new ConcurrentLruCache<>(CAPACITY, super::parseExpression);
        private final ConcurrentLruCache<String, Either<FeelEngine.Failure, ParsedExpression>> unaryTests =
                new ConcurrentLruCache<>(CAPACITY, super::parseUnaryTests);

        Caching(CustomFunctionTransformer functions, ValueMapper.CompositeValueMapper values) {
            super(functions, values, new FeelEngine.Configuration(false), FeelEngine.defaultClock());
        }

        @Override
        public Either<FeelEngine.Failure, ParsedExpression> parseExpression(String expression) {
            return expressions.get(expression);
        }

        @Override
        public Either<FeelEngine.Failure, ParsedExpression> parseUnaryTests(String expression) {
            return unaryTests.get(expression);
        }
    }
}
