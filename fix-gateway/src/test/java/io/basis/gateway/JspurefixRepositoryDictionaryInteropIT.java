package io.basis.gateway;

/**
 * {@link JspurefixInteropIT} with the other FIX 4.4 dictionary jspurefix ships: the FIX repository's
 * ({@code repo44}, unpacked by jspurefix's install script), the one jspurefix's README configures.
 */
class JspurefixRepositoryDictionaryInteropIT extends JspurefixInteropIT
{
    @Override
    String dictionary()
    {
        return "repo44";
    }
}
