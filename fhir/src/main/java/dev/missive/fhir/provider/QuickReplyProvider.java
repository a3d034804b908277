package dev.missive.fhir.provider;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dev.missive.fhir.MissiveFhir;
import dev.missive.fhir.mapping.QuickReplyMapper;
import dev.missive.quickreply.QuickReplies;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.IdType;

/**
 * Quick replies as {@code Basic} resources: clinic admins create, update ({@code If-Match}) and
 * delete them (an update under a new id creates it); staff read them and search them by {@code code=basic-kind|quick-reply}.
 */
@ApplicationScoped
public class QuickReplyProvider implements IResourceProvider {

    @EJB
    QuickReplies replies;

    @Override
    public Class<Basic> getResourceType() {
        return Basic.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Basic resource) {
        return Versions.outcome(QuickReplyMapper.toFhir(replies.create(QuickReplyMapper.fromFhir(resource))), true);
    }

    /** Changes the quick reply, or creates it under this id (how demo data and clinic systems load theirs). */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Basic resource) {
        return Versions.outcome(
                replies.save(
                        Versions.idForUpdate(id, resource), Versions.expected(id), QuickReplyMapper.fromFhir(resource)),
                QuickReplyMapper::toFhir);
    }

    @Read
    public Basic read(@IdParam IdType id) {
        return QuickReplyMapper.toFhir(replies.read(id.getIdPart()));
    }

    @Delete
    public void delete(@IdParam IdType id) {
        replies.delete(id.getIdPart());
    }

    /** Every quick reply, by title: the only kind of Basic Missive holds. */
    @Search
    public List<Basic> search(@RequiredParam(name = Basic.SP_CODE) TokenParam code) {
        if (!QuickReplyMapper.CODE.equals(code.getValue())
                || (code.getSystem() != null && !MissiveFhir.BASIC_KIND.equals(code.getSystem()))) {
            throw new InvalidRequestException("Basic is searched by code=" + MissiveFhir.BASIC_KIND + "|quick-reply");
        }
        return replies.all().stream().map(QuickReplyMapper::toFhir).toList();
    }
}
