package vn.lienthong.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class run against the WAR on a fresh Payara Micro (Arquillian): Micro's HTTPS key and the axis simulator
 * are made first, in this order, then Arquillian starts Micro with the class's {@code @Deployment}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(TlsKeyStoreExtension.class)
@ExtendWith(AxisSimulatorExtension.class)
@ExtendWith(ArquillianExtension.class)
public @interface OnPayaraMicro {
}
