package dev.chatplatform.adapters.persistence.message;

import dev.chatplatform.adapters.persistence.DomainValues;
import dev.chatplatform.domain.message.Message;
import org.mapstruct.Mapper;

@Mapper(componentModel = "spring", uses = DomainValues.class)
interface MessageMapper {

    Message toDomain(MessageEntity entity);
}
