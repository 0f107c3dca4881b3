package dev.chatplatform.application.contract;

import dev.chatplatform.application.port.out.AppStore;
import dev.chatplatform.domain.app.App;
import dev.chatplatform.domain.app.AppName;
import dev.chatplatform.domain.app.AppToken;
import org.junit.jupiter.api.Test;

import static dev.chatplatform.application.mothers.Times.T0;
import static dev.chatplatform.application.mothers.Times.secondsAfterT0;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@link AppStore} promises, for the fake and for MySQL. */
public abstract class AppStoreContract extends PortContract {

    /** The store under test; called once per test. */
    protected abstract AppStore appStore();

    private AppStore store;

    private AppStore subject() {
        if (store == null) {
            store = appStore();
        }
        return store;
    }

    @Test
    void createdAppIsFoundByItsToken() {
        AppToken token = AppToken.generate();

        App created = subject().create(token, new AppName("Acme"), T0);

        assertThat(created.token()).isEqualTo(token);
        assertThat(created.name()).isEqualTo(new AppName("Acme"));
        assertThat(created.chatsCount()).isZero();
        assertThat(created.createdAt()).isEqualTo(T0);
        assertThat(created.updatedAt()).isEqualTo(T0);
        assertThat(subject().findByToken(token)).contains(created);
    }

    @Test
    void appsGetDistinctIds() {
        App first = subject().create(AppToken.generate(), new AppName("One"), T0);
        App second = subject().create(AppToken.generate(), new AppName("One"), T0);

        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @Test
    void unknownTokenFindsNothing() {
        assertThat(subject().findByToken(AppToken.generate())).isEmpty();
    }

    @Test
    void renamingChangesTheNameAndUpdatedAtOnly() {
        AppToken token = AppToken.generate();
        App created = subject().create(token, new AppName("Before"), T0);

        App renamed = subject().rename(token, new AppName("After"), secondsAfterT0(30)).orElseThrow();

        assertThat(renamed).isEqualTo(new App(created.id(), token, new AppName("After"), 0, T0, secondsAfterT0(30)));
        assertThat(subject().findByToken(token)).contains(renamed);
    }

    @Test
    void renamingAnUnknownTokenFindsNothing() {
        assertThat(subject().rename(AppToken.generate(), new AppName("Nobody"), T0)).isEmpty();
    }

    @Test
    void aReplacedTokenFindsNothingAndTheNewOneFindsTheSameApplication() {
        AppToken old = AppToken.generate();
        App created = subject().create(old, new AppName("Rotated"), T0);
        AppToken next = AppToken.generate();

        App rotated = subject().replaceToken(old, next, secondsAfterT0(5)).orElseThrow();

        assertThat(rotated).isEqualTo(new App(created.id(), next, new AppName("Rotated"), 0, T0, secondsAfterT0(5)));
        assertThat(subject().findByToken(next)).contains(rotated);
        assertThat(subject().findByToken(old)).isEmpty();
        assertThat(subject().replaceToken(old, AppToken.generate(), secondsAfterT0(6))).as("the old token again").isEmpty();
    }

    @Test
    void replacingAnUnknownTokenFindsNothing() {
        assertThat(subject().replaceToken(AppToken.generate(), AppToken.generate(), T0)).isEmpty();
    }
}
