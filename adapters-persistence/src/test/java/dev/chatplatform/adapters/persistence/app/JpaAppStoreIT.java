package dev.chatplatform.adapters.persistence.app;

import dev.chatplatform.adapters.persistence.PersistenceIT;
import dev.chatplatform.application.contract.AppStoreContract;
import dev.chatplatform.application.port.out.AppStore;
import org.springframework.beans.factory.annotation.Autowired;

@PersistenceIT
class JpaAppStoreIT extends AppStoreContract {

    @Autowired
    private JpaAppStore store;

    @Override
    protected AppStore appStore() {
        return store;
    }
}
