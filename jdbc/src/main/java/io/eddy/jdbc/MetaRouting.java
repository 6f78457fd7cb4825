package io.eddy.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.calcite.avatica.Meta;

/**
 * Builds a {@link Meta} that forwards each call to the {@code Meta} of the call's connection
 * (chosen by the connection id of its first argument, a {@code ConnectionHandle} or
 * {@code StatementHandle}), except the methods an {@code overrides} object implements with the
 * same name and parameter types. Every failure of a call passes {@code errors}; every result
 * passes {@code results}. This saves writing out Meta's forty-odd methods twice (the server's
 * per-connection routing and the remote client's wrapper around Avatica's package-private
 * {@code RemoteMeta}). Overrides must match a Meta method exactly: an unmatched public method of
 * {@code overrides} is refused when the proxy is built, so a typo cannot silently stop an override.
 * Thread-safe if the targets and overrides are.
 */
final class MetaRouting implements InvocationHandler {
  private final Function<String, Meta> targets;
  private final Object overrides;
  private final Map<Method, Method> overridden = new HashMap<>();
  private final UnaryOperator<RuntimeException> errors;
  private final UnaryOperator<Object> results;

  private MetaRouting(Function<String, Meta> targets, Object overrides,
      UnaryOperator<RuntimeException> errors, UnaryOperator<Object> results) {
    this.targets = targets;
    this.overrides = overrides;
    this.errors = errors;
    this.results = results;
    for (Method m : overrides.getClass().getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
        continue;
      }
      try {
        m.setAccessible(true);
        overridden.put(Meta.class.getMethod(m.getName(), m.getParameterTypes()), m);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(m + " overrides no method of Meta", e);
      }
    }
  }

  static Meta proxy(Function<String, Meta> targets, Object overrides,
      UnaryOperator<RuntimeException> errors, UnaryOperator<Object> results) {
    return (Meta) Proxy.newProxyInstance(Meta.class.getClassLoader(), new Class<?>[] {Meta.class},
        new MetaRouting(targets, overrides, errors, results));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        default -> "MetaRouting" + Arrays.toString(overridden.keySet().stream().map(Method::getName).toArray());
      };
    }
    Method override = overridden.get(method);
    try {
      Object result = override != null ? override.invoke(overrides, args)
          : method.invoke(targets.apply(connectionId(method, args)), args);
      return results.apply(result);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? errors.apply(r) : cause;
    } catch (RuntimeException e) {
      throw errors.apply(e);
    }
  }

  private static String connectionId(Method method, Object[] args) {
    Object first = args == null || args.length == 0 ? null : args[0];
    if (first instanceof Meta.ConnectionHandle ch) {
      return ch.id;
    }
    if (first instanceof Meta.StatementHandle h) {
      return h.connectionId;
    }
    throw new IllegalStateException("cannot route Meta." + method.getName() + List.of());
  }
}
