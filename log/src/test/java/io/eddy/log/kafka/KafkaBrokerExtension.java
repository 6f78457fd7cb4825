package io.eddy.log.kafka;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a running {@link KafkaBroker} as a parameter (of {@code @BeforeAll}, constructors
 * or test methods). One broker serves every test class of the test JVM: it is started on first use
 * and stopped when the JUnit run ends (it lives in the root context's store). Tests share it, so
 * each uses its own topic names.
 */
public final class KafkaBrokerExtension implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.create(KafkaBrokerExtension.class))
        .getOrComputeIfAbsent(KafkaBroker.class, k -> new Resource(KafkaBroker.start()), Resource.class).broker;
  }

  /** Closes the broker with the root context. */
  private record Resource(KafkaBroker broker) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      broker.close();
    }
  }
}
