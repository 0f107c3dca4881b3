package dev.chatplatform.elsewhere;

/** Throwaway: a class in no layer (ArchitectureRulesFailTest). */
public class Stray {
}
