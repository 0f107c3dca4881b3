package dev.chatplatform.adapters.persistence.chat;

import dev.chatplatform.adapters.persistence.DomainValues;
import dev.chatplatform.domain.chat.Chat;
import org.mapstruct.Mapper;

@Mapper(componentModel = "spring", uses = DomainValues.class)
interface ChatMapper {

    Chat toDomain(ChatEntity entity);
}
