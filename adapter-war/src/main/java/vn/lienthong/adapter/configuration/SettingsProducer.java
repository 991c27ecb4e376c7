package vn.lienthong.adapter.configuration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the settings injectable; read once per application start. */
@ApplicationScoped
public class SettingsProducer {

    private final AdapterSettings settings = AdapterSettings.load();

    @Produces
    public AdapterSettings settings() {
        return settings;
    }
}
