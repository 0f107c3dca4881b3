package dev.chatplatform.adapters.persistence.receipt;

import dev.chatplatform.adapters.persistence.PersistenceIT;
import dev.chatplatform.application.contract.ReceiptStoreContract;
import dev.chatplatform.application.port.out.ReceiptStore;
import org.springframework.beans.factory.annotation.Autowired;

@PersistenceIT
class JdbcReceiptStoreIT extends ReceiptStoreContract {

    @Autowired
    private JdbcReceiptStore store;

    @Override
    protected ReceiptStore receiptStore() {
        return store;
    }
}
