package vn.lienthong.adapter.security.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(5));

    @Test
    void anAccountIsLockedAfterTheLimitEvenForTheRightPassword() {
        String user = LoginThrottle.user("clerk");
        for (int i = 0; i < 2; i++) {
            throttle.failed(user, LoginThrottle.address("10.0.0.1"));
        }
        assertFalse(throttle.locked(user));
        throttle.failed(user, LoginThrottle.address("10.0.0.1"));
        assertTrue(throttle.locked(user), "locked after 3 failures");
        assertFalse(throttle.locked(LoginThrottle.user("other"), LoginThrottle.address("10.0.0.2")));
    }

    @Test
    void anAddressIsLockedAfterItsOwnLimitAcrossAccounts() {
        String address = LoginThrottle.address("10.0.0.9");
        for (int i = 0; i < 5; i++) {
            throttle.failed(LoginThrottle.user("guess-" + i), address);
        }
        assertTrue(throttle.locked(LoginThrottle.user("fresh"), address), "the address is locked for every account");
        assertFalse(throttle.locked(LoginThrottle.user("fresh"), LoginThrottle.address("10.0.0.10")));
    }

    @Test
    void successClearsTheAccountButNotTheAddress() {
        String user = LoginThrottle.user("clerk");
        String address = LoginThrottle.address("10.0.0.3");
        for (int i = 0; i < 4; i++) {
            throttle.failed(LoginThrottle.user("x" + i), address);
        }
        throttle.failed(user, address);
        throttle.succeeded(user);
        throttle.failed(user);
        throttle.failed(user);
        assertFalse(throttle.locked(user), "the account's count started again");
        assertTrue(throttle.locked(address), "the address keeps its count");
    }

    @Test
    void theLockEndsWithTheWindow() {
        LoginThrottle instant = new LoginThrottle(1, 1, Duration.ZERO);
        instant.failed(LoginThrottle.organ("000.00.00.G22"));
        assertFalse(instant.locked(LoginThrottle.organ("000.00.00.G22")), "a window of zero has already ended");
    }
}
