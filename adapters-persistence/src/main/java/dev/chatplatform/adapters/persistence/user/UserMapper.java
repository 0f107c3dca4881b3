package dev.chatplatform.adapters.persistence.user;

import dev.chatplatform.adapters.persistence.DomainValues;
import dev.chatplatform.domain.user.User;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(componentModel = "spring", uses = DomainValues.class)
interface UserMapper {

    @Mapping(target = "id", source = "userId")
    User toDomain(UserEntity entity);
}
